package org.marsad.skills.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;

import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * ESCO v1.1.1 as Marsad carries it: the derived extract in {@code seed/esco/}, read once into memory
 * (immutable reference data, identical on every node). Concepts are addressed by URI, or by a dense index that the
 * matching engine uses.
 */
@Component
public class EscoTaxonomy {

    public static final String VERSION = "ESCO v1.1.1";
    public static final String RESOURCE = "seed/esco/esco-v1.1.1-extract.tsv.gz";
    static final String BASE = "http://data.europa.eu/esco/";

    private static final Logger log = LoggerFactory.getLogger(EscoTaxonomy.class);
    private static final int[] NONE = new int[0];

    private final String resource;
    private final CompletableFuture<Data> data = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    public EscoTaxonomy() {
        this(RESOURCE);
    }

    EscoTaxonomy(String resource) {
        this.resource = resource;
    }

    /**
     * Reads the extract in the background once the application serves requests: on two cores, reading it during
     * start-up slowed the start by the time it took. The first use before then reads it at once and waits.
     */
    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        if (loading.compareAndSet(false, true)) {
            Thread thread = new Thread(this::load, "esco-loader");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void load() {
        try {
            data.complete(new Data(resource));
        }
        catch (RuntimeException | Error e) {
            data.completeExceptionally(e);
        }
    }

    private Data data() {
        if (loading.compareAndSet(false, true)) {
            load();
        }
        try {
            return data.join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public int size() {
        return data().concepts.length;
    }

    public Concept get(int index) {
        return data().concepts[index];
    }

    public Optional<Concept> find(String uri) {
        Data d = data();
        Integer index = uri == null ? null : d.byUri.get(uri.strip());
        return index == null ? Optional.empty() : Optional.of(d.concepts[index]);
    }

    /** The concept's index, or -1 when the URI is not an ESCO v1.1.1 concept. */
    public int indexOf(String uri) {
        Integer index = uri == null ? null : data().byUri.get(uri);
        return index == null ? -1 : index;
    }

    public Optional<Concept> iscoGroup(String code) {
        Data d = data();
        Integer index = d.iscoByCode.get(code);
        return index == null ? Optional.empty() : Optional.of(d.concepts[index]);
    }

    public int[] broader(int index) {
        return data().broader[index];
    }

    public int[] narrower(int index) {
        return data().narrower[index];
    }

    /** For an occupation: the skills ESCO marks essential for it. */
    public int[] essentialSkills(int occupation) {
        return data().essentialSkills[occupation];
    }

    public int[] optionalSkills(int occupation) {
        return data().optionalSkills[occupation];
    }

    /** For a skill: the occupations for which ESCO marks it essential. */
    public int[] occupationsRequiring(int skill) {
        return data().essentialFor[skill];
    }

    /** For a skill: the skills ESCO relates to it (either direction). */
    public int[] related(int skill) {
        return data().related[skill];
    }

    public List<Concept> concepts(int[] indexes) {
        Concept[] concepts = data().concepts;
        return Arrays.stream(indexes).mapToObj(i -> concepts[i]).toList();
    }

    /**
     * Concepts whose French or English labels (preferred or alternative) match the query: prefix of the last word,
     * typing errors, accents and case ignored.
     *
     * @param language the reader's language: its labels rank first at equal match (Arabic: no preference)
     * @param kind which concepts, or null for all
     */
    public List<Hit> search(String query, Language language, Kind kind, int limit) {
        Boolean preferFrench = language == Language.FR ? Boolean.TRUE : language == Language.EN ? Boolean.FALSE : null;
        Concept[] concepts = data().concepts;
        IntPredicate accept = kind == null ? i -> true : i -> kind.accepts(concepts[i].type());
        return data().labels.search(query == null ? "" : query, preferFrench, accept, limit).stream()
                .map(h -> new Hit(concepts[h.concept()], h.label(), h.french() ? Language.FR : Language.EN, h.score()))
                .toList();
    }

    /**
     * Concepts for a text someone wrote in their own words (a free-text skill): like {@link #search}, but when no label
     * has (almost) all the words, labels with at least half of them.
     */
    public List<Hit> suggest(String text, Language language, Kind kind, int limit) {
        Boolean preferFrench = language == Language.FR ? Boolean.TRUE : language == Language.EN ? Boolean.FALSE : null;
        Concept[] concepts = data().concepts;
        IntPredicate accept = kind == null ? i -> true : i -> kind.accepts(concepts[i].type());
        return data().labels.search(text == null ? "" : text, preferFrench, accept, limit, true).stream()
                .map(h -> new Hit(concepts[h.concept()], h.label(), h.french() ? Language.FR : Language.EN, h.score()))
                .toList();
    }

    /** A search result: the concept and the label that matched (maybe an alternative label, maybe in another language). */
    public record Hit(Concept concept, String matchedLabel, Language matchedLanguage, float score) {
    }

    /** What a search looks for. */
    public enum Kind {
        SKILL, OCCUPATION;

        boolean accepts(ConceptType type) {
            return this == SKILL ? type.isSkillPillar() : type == ConceptType.OCCUPATION;
        }
    }

    /** Everything read from the extract; immutable once built. */
    private static final class Data {

        private final Concept[] concepts;
        private final Map<String, Integer> byUri;
        private final int[][] broader;
        private final int[][] narrower;
        private final int[][] essentialSkills;
        private final int[][] optionalSkills;
        private final int[][] essentialFor;
        private final int[][] related;
        private final Map<String, Integer> iscoByCode = new HashMap<>();
        private final LabelIndex labels;

        Data(String resource) {
            long start = System.nanoTime();
            List<Concept> list = new ArrayList<>();
            List<int[]> relations = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ClassPathResource(resource).getInputStream(), 1 << 16), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("C\t")) {
                        String[] f = line.split("\t", -1);
                        int index = Integer.parseInt(f[1]);
                        if (index != list.size()) {
                            throw new IllegalStateException("ESCO extract out of order at concept " + index);
                        }
                        list.add(new Concept(index, BASE + f[3], ConceptType.of(f[2].charAt(0)), f[4],
                                new LocalizedText(f[6], null, f[5]), split(f[7]), split(f[8])));
                    }
                    else if (line.startsWith("R\t")) {
                        String[] f = line.split("\t");
                        kinds.add(f[1]);
                        relations.add(new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read the ESCO extract " + resource, e);
            }
            concepts = list.toArray(Concept[]::new);
            int n = concepts.length;
            byUri = new HashMap<>(n * 2);
            for (Concept c : concepts) {
                byUri.put(c.uri(), c.index());
                if (c.type() == ConceptType.ISCO_GROUP) {
                    iscoByCode.put(c.code(), c.index());
                }
            }
            List<List<Integer>> b = lists(n), nw = lists(n), e = lists(n), o = lists(n), ef = lists(n), r = lists(n);
            for (int i = 0; i < relations.size(); i++) {
                int from = relations.get(i)[0];
                int to = relations.get(i)[1];
                switch (kinds.get(i)) {
                    case "B" -> {
                        b.get(from).add(to);
                        nw.get(to).add(from);
                    }
                    case "E" -> {
                        e.get(from).add(to);
                        ef.get(to).add(from);
                    }
                    case "P" -> o.get(from).add(to);
                    case "SE", "SO" -> {
                        r.get(from).add(to);
                        r.get(to).add(from);
                    }
                    default -> throw new IllegalStateException("unknown relation kind " + kinds.get(i));
                }
            }
            broader = arrays(b);
            narrower = arrays(nw);
            essentialSkills = arrays(e);
            optionalSkills = arrays(o);
            essentialFor = arrays(ef);
            related = arrays(r);

            List<LabelIndex.Label> entries = new ArrayList<>();
            for (Concept c : concepts) {
                if (c.label().en() != null) {
                    entries.add(new LabelIndex.Label(c.index(), false, true, c.label().en()));
                }
                if (c.label().fr() != null) {
                    entries.add(new LabelIndex.Label(c.index(), true, true, c.label().fr()));
                }
                c.altEn().forEach(a -> entries.add(new LabelIndex.Label(c.index(), false, false, a)));
                c.altFr().forEach(a -> entries.add(new LabelIndex.Label(c.index(), true, false, a)));
            }
            labels = new LabelIndex(entries);
            log.info("{} loaded: {} concepts, {} relations, {} labels in {} ms", VERSION, n, relations.size(), labels.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\\|"));
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>(0));
        }
        return lists;
    }

    private static int[][] arrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
