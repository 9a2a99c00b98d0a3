package org.marsad.documents;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.platform.PageQuery;
import org.marsad.support.MarsadIntegrationTest;
import org.marsad.support.Stopwatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document search latency over the whole corpus (target p95 ≤ 50 ms), against a baseline measured in the same
 * run: a plain case-insensitive substring scan of the same passages (no index, no ranking, no highlight).
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=DocumentSearchBenchmark}.
 */
@Tag("benchmark")
@MarsadIntegrationTest
class DocumentSearchBenchmark {

    static final List<String> QUERIES = List.of("étudiants étrangers", "réadmission", "transferts de fonds", "visa",
            "traite des êtres humains", "migration et développement", "ANAPEC", "retour volontaire", "\"partenariat pour la mobilité\"",
            "compétences", "diaspora", "régularisation", "réfugiés", "asile", "frontières", "intégration", "emploi",
            "formation professionnelle", "Espagne", "saisonniers", "FINCOME", "Maghribcom", "OIM", "HCR", "Frontex",
            "données statistiques", "observatoire", "sécurité sociale", "mineurs non accompagnés", "femmes migrantes");

    @Autowired
    DocumentsApi documents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchLatency() {
        for (int i = 0; i < 3; i++) {
            QUERIES.forEach(q -> documents.search(q, null, new PageQuery(0, 20)));
        }
        Stopwatch search = new Stopwatch("full-text search (ranked, highlighted)");
        Stopwatch scan = new Stopwatch("baseline: ILIKE scan, no ranking");
        for (int round = 0; round < 20; round++) {
            for (String q : QUERIES) {
                search.time(() -> documents.search(q, null, new PageQuery(0, 20)));
                String needle = q.replace("\"", "").split(" ")[0];
                scan.time(() -> jdbc.sql("SELECT id FROM documents.passage WHERE text ILIKE '%' || :q || '%' LIMIT 20")
                        .param("q", needle).query(Long.class).list());
            }
        }
        long passages = jdbc.sql("SELECT count(*) FROM documents.passage").query(Long.class).single();
        System.out.println();
        System.out.println("Document search over " + passages + " passages, " + QUERIES.size() + " queries x 20 rounds");
        System.out.println(search.summary());
        System.out.println(scan.summary());
        System.out.printf(Locale.ROOT, "ratio p95 search / baseline = %.2f%n", search.percentile(95) / scan.percentile(95));
        System.out.printf(Locale.ROOT, "target p95 <= 50 ms: %s%n", search.percentile(95) <= 50 ? "MET" : "MISSED");
        assertThat(search.percentile(95)).isLessThanOrEqualTo(50.0);
    }
}
