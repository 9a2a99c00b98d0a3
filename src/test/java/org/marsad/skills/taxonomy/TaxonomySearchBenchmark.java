package org.marsad.skills.taxonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.platform.Language;
import org.marsad.support.MarsadIntegrationTest;
import org.marsad.support.Stopwatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * ESCO label search for autocomplete (target p95 ≤ 30 ms), as a person types: prefixes of the last word, typing
 * errors, missing accents, French and English, skills and occupations. Measured through the API
 * ({@code GET /api/v1/skills/taxonomy/search}, the whole Spring MVC stack and JSON, without the network) and on the
 * facade, against a baseline in the same run: a plain scan of every folded label for the query as a substring
 * (no typo tolerance, no ranking). Run with {@code ./mvnw -Pbenchmark test -Dtest=TaxonomySearchBenchmark}.
 */
@Tag("benchmark")
@MarsadIntegrationTest
class TaxonomySearchBenchmark {

    /** What people type into the box, letter by letter for some: the prefixes are part of the load. */
    static final List<String> TYPED = List.of("infirm", "infirmier", "développeur logic", "devloper", "developer soft",
            "gestion de proj", "project manag", "télécommunic", "telecomunication", "nanotechno", "biotechnologie",
            "enseignant", "enseigner les math", "comptab", "accountant", "data scien", "santé publique", "sante publique",
            "génie civil", "ingenieur", "machine learn", "marketing", "soudeur", "agricult", "réseaux informatiques",
            "cybersécurité", "logistique", "traduction", "pédiatre", "chirurgien", "énergie renouvelable",
            "renewable energ", "hydrologie", "finance", "architecte", "plombier", "cuisinier", "recherche clinique",
            "environmental scien", "gestion des ressources humaines", "management", "électronique", "mecanique",
            "pharmacien", "statistiques", "economie", "droit international", "sociologue", "microbiologie", "physicien");

    @Autowired
    MockMvc mvc;

    @Autowired
    EscoTaxonomy taxonomy;

    @Test
    void labelSearchLatency() throws Exception {
        List<String> queries = new ArrayList<>();
        for (String q : TYPED) {
            // Autocomplete asks from the third letter on: every prefix of three letters or more is a request.
            for (int end = 3; end <= q.length(); end += 3) {
                queries.add(q.substring(0, end));
            }
            queries.add(q);
        }
        String[] langs = {"fr", "en", "ar"};
        String[] types = {"skill", "occupation", ""};
        List<String> folded = new ArrayList<>();
        for (int i = 0; i < taxonomy.size(); i++) {
            Concept c = taxonomy.get(i);
            addFolded(folded, c.label().fr());
            addFolded(folded, c.label().en());
            c.altFr().forEach(l -> addFolded(folded, l));
            c.altEn().forEach(l -> addFolded(folded, l));
        }

        for (int warm = 0; warm < 3; warm++) {
            for (String q : queries) {
                api(q, "fr", "skill");
                taxonomy.search(q, Language.FR, null, 10);
            }
        }
        Stopwatch api = new Stopwatch("API search (MockMvc, JSON)");
        Stopwatch facade = new Stopwatch("EscoTaxonomy.search");
        Stopwatch scan = new Stopwatch("baseline: substring scan of labels");
        int empty = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                String lang = langs[(i + round) % 3];
                String type = types[(i + round) % 3];
                long start = System.nanoTime();
                String body = api(q, lang, type);
                api.record((System.nanoTime() - start) / 1e6);
                if (round == 0 && body.equals("[]")) {
                    empty++;
                }
                facade.time(() -> taxonomy.search(q, Language.FR, null, 10));
                String needle = Folding.fold(q);
                scan.time(() -> folded.stream().filter(l -> l.contains(needle)).limit(10).toList());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "ESCO label search: %d concepts, %d labels; %d queries (prefixes as typed) x 5 rounds;"
                + " %d of them found nothing; %s%n", taxonomy.size(), folded.size(), queries.size(), empty, load());
        System.out.println(api.summary());
        System.out.println(facade.summary());
        System.out.println(scan.summary());
        System.out.printf(Locale.ROOT, "ratio p95 API / baseline scan = %.2f%n", api.percentile(95) / scan.percentile(95));
        System.out.printf(Locale.ROOT, "target API p95 <= 30 ms: %s%n", api.percentile(95) <= 30 ? "MET" : "MISSED");
        assertThat(empty).as("queries without any result").isLessThan(queries.size() / 10);
    }

    private String api(String q, String lang, String type) throws Exception {
        var request = get("/api/v1/skills/taxonomy/search").param("q", q).param("lang", lang);
        if (!type.isEmpty()) {
            request.param("type", type);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static void addFolded(List<String> folded, String label) {
        if (label != null) {
            folded.add(Folding.fold(label));
        }
    }

    private static String load() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException e) {
            return "load average unknown";
        }
    }
}
