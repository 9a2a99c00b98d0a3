package org.marsad.indicators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.support.MarsadIntegrationTest;
import org.marsad.support.Stopwatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indicators at volume: 10,000 generated indicators with 50 yearly periods each (500,000 values) on the framework
 * nodes, 2,000 of them also on one programme (SNIA.P9). Over HTTP, 16 concurrent clients ask for (1) the
 * indicators of a node, first page of 20 with each one's latest period and status, (2) the same on the crowded
 * node, (3) one indicator's 50 values with their status; and, as the baseline in the same run, (4) a framework
 * node's page of the foundation ({@code GET /api/v1/frameworks/SNIA/nodes/SNIA.P9}), a read of comparable size.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=IndicatorsBenchmark}.
 */
@Tag("benchmark")
@MarsadIntegrationTest
class IndicatorsBenchmark {

    static final int INDICATORS = 10_000;
    static final int YEARS = 50;
    static final int CROWDED = 2_000;
    static final int CLIENTS = 16;
    static final int REQUESTS_PER_CLIENT = 150;
    static final double LIST_TARGET_MS = 100;
    static final double VALUES_TARGET_MS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void listByNodeAndValuesUnderSixteenClients() throws Exception {
        long started = System.nanoTime();
        generate();
        System.out.printf(Locale.ROOT, "%nGenerated %d indicators and %d values in %.1f s%n",
                count("SELECT count(*) FROM indicators.indicator WHERE code LIKE 'BENCH-%'"),
                count("SELECT count(*) FROM indicators.period p JOIN indicators.indicator i ON i.id = p.indicator_id WHERE i.code LIKE 'BENCH-%'"),
                (System.nanoTime() - started) / 1e9);
        List<String> nodes = jdbc.sql("SELECT DISTINCT node_code FROM indicators.indicator_node ORDER BY 1").query(String.class).list();

        Supplier<String> listByNode = () -> "/api/v1/indicators?size=20&node=" + nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
        Supplier<String> crowdedNode = () -> "/api/v1/indicators?size=20&node=SNIA.P9";
        Supplier<String> values = () -> "/api/v1/indicators/BENCH-" + String.format(Locale.ROOT, "%06d",
                1 + ThreadLocalRandom.current().nextInt(INDICATORS)) + "/values";
        Supplier<String> baseline = () -> "/api/v1/frameworks/SNIA/nodes/SNIA.P9";

        for (Supplier<String> warmUp : List.of(listByNode, crowdedNode, values, baseline)) {
            run("warm-up", warmUp, 4, 50);
        }
        // One client alone: the service time of each request, without queueing.
        List<Stopwatch> alone = new ArrayList<>();
        alone.add(run("1 client: baseline framework node", baseline, 1, 200));
        alone.add(run("1 client: indicators of a node", listByNode, 1, 200));
        alone.add(run("1 client: crowded node", crowdedNode, 1, 200));
        alone.add(run("1 client: one indicator's values", values, 1, 200));
        Stopwatch base = run("baseline: framework node (foundation)", baseline, CLIENTS, REQUESTS_PER_CLIENT);
        Stopwatch list = run("indicators of a node, page of 20", listByNode, CLIENTS, REQUESTS_PER_CLIENT);
        Stopwatch crowded = run("indicators of a node with 2,000+, page of 20", crowdedNode, CLIENTS, REQUESTS_PER_CLIENT);
        Stopwatch series = run("one indicator's 50 values with status", values, CLIENTS, REQUESTS_PER_CLIENT);

        System.out.println();
        System.out.printf(Locale.ROOT, "%d concurrent clients, %d requests each per case, %d nodes with indicators%n",
                CLIENTS, REQUESTS_PER_CLIENT, nodes.size());
        alone.forEach(s -> System.out.println(s.summary()));
        for (Stopwatch s : List.of(base, list, crowded, series)) {
            System.out.println(s.summary());
        }
        System.out.println(load());
        System.out.printf(Locale.ROOT, "ratio p95 list / baseline = %.2f, crowded / baseline = %.2f, values / baseline = %.2f%n",
                list.percentile(95) / base.percentile(95), crowded.percentile(95) / base.percentile(95),
                series.percentile(95) / base.percentile(95));
        System.out.printf(Locale.ROOT, "target list p95 <= %.0f ms: %s; crowded p95 <= %.0f ms: %s; values p95 <= %.0f ms: %s%n",
                LIST_TARGET_MS, list.percentile(95) <= LIST_TARGET_MS ? "MET" : "MISSED",
                LIST_TARGET_MS, crowded.percentile(95) <= LIST_TARGET_MS ? "MET" : "MISSED",
                VALUES_TARGET_MS, series.percentile(95) <= VALUES_TARGET_MS ? "MET" : "MISSED");
    }

    /** {@code clients} threads each sending {@code requests} requests one after the other; every answer must be 200. */
    private Stopwatch run(String name, Supplier<String> path, int clients, int requests) throws Exception {
        Stopwatch stopwatch = new Stopwatch(name);
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.get()))
                                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            stopwatch.record((System.nanoTime() - start) / 1e6);
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        }
                        catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!"warm-up".equals(name)) {
            System.out.printf(Locale.ROOT, "%-42s %6.0f requests/s%n", name, clients * requests / seconds);
        }
        assertThat(failures.get()).as(name + " failures").isZero();
        return stopwatch;
    }

    private void generate() {
        if (count("SELECT count(*) FROM indicators.indicator WHERE code LIKE 'BENCH-%'") > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO indicators.indicator (code, title, measure, ascending, created_by)
                SELECT 'BENCH-' || lpad(g::text, 6, '0'),
                       jsonb_build_object('fr', 'Indicateur généré ' || g, 'en', 'Generated indicator ' || g),
                       CASE WHEN g % 3 = 0 THEN 'PERCENTAGE' ELSE 'UNIT' END, g % 4 <> 0, 'benchmark'
                FROM generate_series(1, :n) g
                """).param("n", INDICATORS).update();
        jdbc.sql("""
                WITH nodes AS (SELECT array_agg(n.code ORDER BY n.code) AS codes FROM frameworks.node n
                               JOIN frameworks.framework f ON f.id = n.framework_id WHERE f.code IN ('MP2013', 'GCM', 'SNIA'))
                INSERT INTO indicators.indicator_node (node_code, indicator_id, indicator_code)
                SELECT nodes.codes[1 + (i.id % array_length(nodes.codes, 1))], i.id, i.code
                FROM indicators.indicator i, nodes WHERE i.code LIKE 'BENCH-%'
                ON CONFLICT DO NOTHING
                """).update();
        jdbc.sql("""
                INSERT INTO indicators.indicator_node (node_code, indicator_id, indicator_code)
                SELECT 'SNIA.P9', i.id, i.code FROM indicators.indicator i
                WHERE i.code LIKE 'BENCH-%' AND substring(i.code, 7)::int <= :crowded
                ON CONFLICT DO NOTHING
                """).param("crowded", CROWDED).update();
        jdbc.sql("""
                INSERT INTO indicators.period (indicator_id, period_start, period_end, start_date, end_date, target_value,
                    actual_value, entered_by)
                SELECT i.id, y::text, y::text, make_date(y, 1, 1), make_date(y, 12, 31), 80,
                       ((i.id * 7919 + y * 104729) % 100), 'benchmark'
                FROM indicators.indicator i, generate_series(2025 - :years, 2024) y
                WHERE i.code LIKE 'BENCH-%'
                """).param("years", YEARS).update();
        jdbc.sql("ANALYZE indicators.indicator").update();
        jdbc.sql("ANALYZE indicators.indicator_node").update();
        jdbc.sql("ANALYZE indicators.period").update();
    }

    /** The machine's load while the benchmark ran: figures on a shared machine must be read with it. */
    private static String load() {
        try {
            return "load average (1, 5, 15 min): " + Files.readString(Path.of("/proc/loadavg")).strip()
                    + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        }
        catch (IOException e) {
            return "load average: unknown";
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
