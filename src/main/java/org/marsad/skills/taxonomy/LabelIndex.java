package org.marsad.skills.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The autocomplete index over every preferred and alternative label, French and English: exact words, the prefix
 * of the word being typed, and words within one or two typing errors, all compared without case or accents. Built
 * once at start-up (the taxonomy never changes while Marsad runs) and read without locks.
 */
final class LabelIndex {

    static final int MAX_QUERY_TOKENS = 8;
    private static final int MAX_PREFIX_TOKENS = 4000;

    private final int[] entryConcept;
    private final boolean[] entryFrench;
    private final boolean[] entryPreferred;
    private final String[] entryText;
    private final String[] entryFolded;
    private final int[] entryFirstToken;
    private final byte[] entryTokenCount;
    private final String[] tokens;
    private final int[][] postings;
    private final int[][] tokensByLength;
    private final ThreadLocal<Scratch> scratch;

    record Label(int concept, boolean french, boolean preferred, String text) {
    }

    record Hit(int concept, String label, boolean french, float score) {
    }

    LabelIndex(List<Label> labels) {
        int n = labels.size();
        entryConcept = new int[n];
        entryFrench = new boolean[n];
        entryPreferred = new boolean[n];
        entryText = new String[n];
        entryFolded = new String[n];
        entryFirstToken = new int[n];
        entryTokenCount = new byte[n];
        Map<String, List<Integer>> byToken = new HashMap<>();
        List<List<String>> entryTokens = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            Label label = labels.get(e);
            entryConcept[e] = label.concept();
            entryFrench[e] = label.french();
            entryPreferred[e] = label.preferred();
            entryText[e] = label.text();
            List<String> words = Folding.tokens(label.text());
            entryFolded[e] = String.join(" ", words);
            entryTokenCount[e] = (byte) Math.min(words.size(), 127);
            entryTokens.add(words);
            for (String word : words) {
                List<Integer> list = byToken.computeIfAbsent(word, k -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != e) {
                    list.add(e);
                }
            }
        }
        tokens = byToken.keySet().toArray(String[]::new);
        Arrays.sort(tokens);
        postings = new int[tokens.length][];
        int maxLength = 0;
        for (int t = 0; t < tokens.length; t++) {
            postings[t] = byToken.get(tokens[t]).stream().mapToInt(Integer::intValue).toArray();
            maxLength = Math.max(maxLength, tokens[t].length());
        }
        List<List<Integer>> byLength = new ArrayList<>();
        for (int l = 0; l <= maxLength; l++) {
            byLength.add(new ArrayList<>());
        }
        for (int t = 0; t < tokens.length; t++) {
            byLength.get(tokens[t].length()).add(t);
        }
        tokensByLength = byLength.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        for (int e = 0; e < n; e++) {
            List<String> words = entryTokens.get(e);
            entryFirstToken[e] = words.isEmpty() ? -1 : Arrays.binarySearch(tokens, words.getFirst());
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    int size() {
        return entryConcept.length;
    }

    /**
     * Concepts whose labels contain every word of the query (the last one possibly unfinished), best first. With three
     * words or more, labels missing one of them come after those that have all, if nothing has all.
     *
     * @param preferFrench rank French labels above English ones at equal match
     * @param accept which concepts may be returned
     */
    List<Hit> search(String query, Boolean preferFrench, IntPredicate accept, int limit) {
        return search(query, preferFrench, accept, limit, false);
    }

    /**
     * @param lenient when no label has (almost) every word, accept labels with at least half of them: for text people
     *     wrote in their own words, which says more than a label does
     */
    List<Hit> search(String query, Boolean preferFrench, IntPredicate accept, int limit, boolean lenient) {
        List<String> words = Folding.meaningfulTokens(query);
        if (words.isEmpty() || String.join("", words).length() < 2) {
            return List.of();
        }
        if (words.size() > MAX_QUERY_TOKENS) {
            words = words.subList(0, MAX_QUERY_TOKENS);
        }
        String foldedQuery = String.join(" ", Folding.tokens(query));
        Scratch s = scratch.get();
        try {
            int n = words.size();
            for (int j = 0; j < n; j++) {
                int bit = 1 << j;
                for (Candidate c : expand(words.get(j), j == n - 1)) {
                    for (int e : postings[c.token()]) {
                        if ((s.mask[e] & bit) == 0) {
                            if (s.mask[e] == 0) {
                                s.touched[s.touchedCount++] = e;
                            }
                            s.mask[e] |= bit;
                            s.sum[e] += c.score();
                        }
                    }
                }
            }
            int full = (1 << n) - 1;
            Map<Integer, Hit> best = collect(s, words, foldedQuery, preferFrench, accept, full, 1f, n);
            if (best.isEmpty() && n >= 3) {
                best = collect(s, words, foldedQuery, preferFrench, accept, -1, 0.7f, n - 1);
            }
            if (best.isEmpty() && lenient && n >= 2) {
                best = collect(s, words, foldedQuery, preferFrench, accept, -1, 0.5f, (n + 1) / 2);
            }
            return best.values().stream()
                    .sorted(Comparator.comparingDouble((Hit h) -> -h.score())
                            .thenComparingInt(h -> h.label().length())
                            .thenComparingInt(Hit::concept))
                    .limit(limit)
                    .toList();
        }
        finally {
            s.reset();
        }
    }

    private Map<Integer, Hit> collect(Scratch s, List<String> words, String foldedQuery, Boolean preferFrench,
            IntPredicate accept, int full, float factor, int atLeast) {
        int n = words.size();
        Map<Integer, Hit> best = new HashMap<>();
        int firstExact = Arrays.binarySearch(tokens, words.getFirst());
        for (int i = 0; i < s.touchedCount; i++) {
            int e = s.touched[i];
            int mask = s.mask[e];
            boolean enough = full >= 0 ? mask == full : Integer.bitCount(mask) >= atLeast;
            if (!enough || !accept.test(entryConcept[e])) {
                continue;
            }
            float score = factor * s.sum[e] / n;
            if (entryFolded[e].equals(foldedQuery)) {
                score += 1f;
            }
            else if (entryFolded[e].startsWith(foldedQuery)) {
                score += 0.4f;
            }
            if (entryFirstToken[e] >= 0 && (entryFirstToken[e] == firstExact
                    || tokens[entryFirstToken[e]].startsWith(words.getFirst()))) {
                score += 0.25f;
            }
            if (entryPreferred[e]) {
                score += 0.2f;
            }
            if (preferFrench != null && entryFrench[e] == preferFrench) {
                score += 0.1f;
            }
            score -= 0.02f * Math.max(0, entryTokenCount[e] - n);
            int concept = entryConcept[e];
            Hit previous = best.get(concept);
            if (previous == null || score > previous.score()
                    || (score == previous.score() && entryText[e].length() < previous.label().length())) {
                best.put(concept, new Hit(concept, entryText[e], entryFrench[e], score));
            }
        }
        return best;
    }

    private record Candidate(int token, float score) {
    }

    /** The dictionary words a query word stands for, best first: itself, words it begins, near misspellings. */
    private List<Candidate> expand(String word, boolean unfinished) {
        List<Candidate> out = new ArrayList<>();
        int exact = Arrays.binarySearch(tokens, word);
        if (exact >= 0) {
            out.add(new Candidate(exact, 1f));
        }
        if (unfinished && word.length() >= 2) {
            int from = exact >= 0 ? exact + 1 : -exact - 1;
            for (int t = from; t < tokens.length && t - from < MAX_PREFIX_TOKENS && tokens[t].startsWith(word); t++) {
                out.add(new Candidate(t, 0.85f));
            }
        }
        int length = word.length();
        if (length >= 4) {
            int max = length >= 8 ? 2 : 1;
            for (int l = Math.max(1, length - max); l <= length + max && l < tokensByLength.length; l++) {
                for (int t : tokensByLength[l]) {
                    // A typing error rarely hits both of the first two letters.
                    if (t == exact || (tokens[t].charAt(0) != word.charAt(0) && tokens[t].charAt(1) != word.charAt(1))) {
                        continue;
                    }
                    int d = Folding.distance(word, tokens[t], max);
                    if (d <= max) {
                        out.add(new Candidate(t, d == 1 ? 0.7f : 0.55f));
                    }
                }
            }
            if (unfinished) {
                // A word still being typed, with a typing error in what is typed so far.
                for (int l = length + 1; l < tokensByLength.length; l++) {
                    for (int t : tokensByLength[l]) {
                        if (tokens[t].charAt(0) == word.charAt(0) && !tokens[t].startsWith(word)
                                && Folding.distance(word, tokens[t], length, 1) == 1) {
                            out.add(new Candidate(t, 0.6f));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparingInt(Candidate::token));
        return out;
    }

    private static final class Scratch {
        final float[] sum;
        final int[] mask;
        final int[] touched;
        int touchedCount;

        Scratch(int entries) {
            sum = new float[entries];
            mask = new int[entries];
            touched = new int[entries];
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                sum[touched[i]] = 0;
                mask[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }
}
