package org.marsad.skills.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lower case without Latin accents, and word tokens: the form labels and queries are compared in. */
public final class Folding {

    /** Words that carry no meaning in a label search, in French and English. */
    static final Set<String> STOP_WORDS = Set.of("de", "des", "du", "la", "le", "les", "l", "d", "et", "en", "a", "au",
            "aux", "un", "une", "pour", "sur", "par", "dans", "of", "the", "and", "in", "to", "for", "on", "with", "an", "or",
            "ou");

    private Folding() {
    }

    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c < 0x80;
        }
        if (plain) {
            return s.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < '\u0300' || c > '\u036f') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
                .replace('’', '\'');
    }

    /** The folded words of a text: runs of letters and digits. */
    public static List<String> tokens(String s) {
        String folded = fold(s);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (word && start < 0) {
                start = i;
            }
            else if (!word && start >= 0) {
                tokens.add(folded.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** The tokens without stop words, unless nothing else remains. */
    public static List<String> meaningfulTokens(String s) {
        List<String> all = tokens(s);
        List<String> meaningful = all.stream().filter(t -> !STOP_WORDS.contains(t)).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }

    /**
     * Optimal string alignment distance (Levenshtein with adjacent transpositions), or {@code max + 1} as soon as it
     * must exceed {@code max}.
     */
    static int distance(String a, String b, int max) {
        return distance(a, b, b.length(), max);
    }

    /** The distance between {@code a} and the first {@code m} characters of {@code b}. */
    static int distance(String a, String b, int m, int max) {
        int n = a.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
