package org.marsad.observatory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.observatory.internal.ObservationRepository;
import org.marsad.platform.LocalizedText;
import org.marsad.support.MarsadIntegrationTest;
import org.marsad.support.Stopwatch;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports 10,000,000 generated observations (countries × sex × 10 age groups × 5 reasons, monthly) with validation,
 * beside a raw PostgreSQL COPY of the same file into an equivalent table, in the same run; then times an aggregate
 * over the 10,000,000 values (two dimensions, ten years) and the reading of one series. Run it with
 * {@code ./mvnw -Pbenchmark test -Dtest=ObservatoryBenchmark} (the benchmark profile caps the heap at 512 MB).
 */
@MarsadIntegrationTest
@Tag("benchmark")
class ObservatoryBenchmark {

    static final long ROWS = Long.getLong("observatory.benchmark.rows", 10_000_000L);
    /** {@code -Dobservatory.benchmark.baseline=false} skips the raw COPY baselines (about four minutes) when only the queries matter. */
    /**
     * {@code -Dobservatory.benchmark.dataset=CODE} times the queries again on a dataset a previous run imported, kept with
     * {@code -Dmarsad.data-dir=DIR -Dmarsad.embedded.ephemeral=false} on both runs: no generation, no import.
     */
    static final String KEPT = System.getProperty("observatory.benchmark.dataset");
    static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("observatory.benchmark.baseline", "true"));
    static final List<String> SEXES = List.of("M", "F");
    static final List<String> AGES = List.of("Y_LT15", "Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65", "Y_LT18",
            "Y_GE18", "Y18T50");
    static final List<String> REASONS = List.of("FAMILY", "WORK", "STUDY", "HUMANITARIAN", "OTHER");

    @Autowired
    ObservatoryApi observatory;

    @Autowired
    ObservatoryFixtures fixtures;

    @Autowired
    ObservationRepository observations;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importTenMillionObservationsThenAggregate() throws Exception {
        List<String> countries = Arrays.stream(Locale.getISOCountries()).sorted().toList();
        String code = KEPT != null ? KEPT : importObservations(countries);
        System.out.printf(Locale.ROOT, "Dataset %s%n", code);
        timeQueries(code, countries);
    }

    /** Generates the file, times the baselines and the import, and waits for the summary; the dataset's code. */
    private String importObservations(List<String> countries) throws Exception {
        String code = ObservatoryFixtures.freshCode("BENCH");
        fixtures.as(fixtures.steward(), () -> observatory.createDataset(new NewDataset(code, LocalizedText.french("Benchmark"), null,
                List.of("EMIGRATION"), LocalizedText.french("Effectif"), "PS", true,
                List.of(new NewDataset.NewDimension("REF_AREA", null, "CL_AREA", "_T"),
                        new NewDataset.NewDimension("SEX", null, "CL_SEX", "_T"),
                        new NewDataset.NewDimension("AGE", null, "CL_AGE", "_T"),
                        new NewDataset.NewDimension("REASON", null, "CL_REASON", "_T")), true)));

        Path file = Files.createTempFile("observatory-benchmark-", ".csv");
        try {
            long generating = System.nanoTime();
            long series = generate(file, countries);
            double generated = seconds(generating);
            long bytes = Files.size(file);
            System.out.printf(Locale.ROOT, "Generated %,d rows (%,d series, %,d MB) in %.1f s%n", ROWS, series, bytes >> 20, generated);

            double copyPlain = Double.NaN;
            double copyKeyedC = Double.NaN;
            double copyKeyed = Double.NaN;
            if (BASELINE) {
                jdbc.sql("""
                        CREATE TABLE IF NOT EXISTS observatory.bench_copy (ref_area text, sex text, age text, reason text,
                            data_source text, time_period text, obs_value numeric,
                            PRIMARY KEY (ref_area, sex, age, reason, data_source, time_period))
                        """).update();
                jdbc.sql("CREATE TABLE IF NOT EXISTS observatory.bench_copy_plain (ref_area text, sex text, age text, reason text, "
                        + "data_source text, time_period text, obs_value numeric)").update();
                // The same unique key compared byte by byte: the observatory's own key is on integer ids, so neither a key
                // under the database's linguistic collation nor no key at all is quite the equivalent; all three are printed.
                jdbc.sql("""
                        CREATE TABLE IF NOT EXISTS observatory.bench_copy_c (ref_area text COLLATE "C", sex text COLLATE "C",
                            age text COLLATE "C", reason text COLLATE "C", data_source text COLLATE "C", time_period text COLLATE "C",
                            obs_value numeric, PRIMARY KEY (ref_area, sex, age, reason, data_source, time_period))
                        """).update();
                copyPlain = copy(file, "observatory.bench_copy_plain");
                copyKeyedC = copy(file, "observatory.bench_copy_c");
                copyKeyed = copy(file, "observatory.bench_copy");
                System.out.printf(Locale.ROOT, "Raw COPY, table without index:                 %6.1f s  %,10.0f rows/s%n", copyPlain, ROWS / copyPlain);
                System.out.printf(Locale.ROOT, "Raw COPY, table with its unique key, collate C:%6.1f s  %,10.0f rows/s%n", copyKeyedC, ROWS / copyKeyedC);
                System.out.printf(Locale.ROOT, "Raw COPY, table with its unique key:           %6.1f s  %,10.0f rows/s%n", copyKeyed, ROWS / copyKeyed);
                jdbc.sql("DROP TABLE observatory.bench_copy").update();
                jdbc.sql("DROP TABLE observatory.bench_copy_c").update();
                jdbc.sql("DROP TABLE observatory.bench_copy_plain").update();
            }
            jdbc.sql("CHECKPOINT").update();

            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long importing = System.nanoTime();
            ImportJob job;
            try (InputStream in = Files.newInputStream(file)) {
                job = fixtures.as(fixtures.steward(), () -> observatory.startImport(code, in, "bench.csv", "text/csv",
                        ImportMode.ALL_OR_NOTHING, null, true));
            }
            double imported = seconds(importing);
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            assertThat(job.status()).isEqualTo(ImportStatus.DONE);
            assertThat(job.inserted()).isEqualTo(ROWS);
            double processing = Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "Import with validation (upload + check + merge): %6.1f s  %,10.0f rows/s  = %.0f %% of keyed COPY,"
                    + " %.0f %% of keyed COPY collate C, %.0f %% of plain COPY (target >= 50 %%)%n", imported, ROWS / imported,
                    100 * copyKeyed / imported, 100 * copyKeyedC / imported, 100 * copyPlain / imported);
            System.out.printf(Locale.ROOT, "  of which processing the stored file: %6.1f s  %,10.0f rows/s  = %.0f %% of keyed COPY%n",
                    processing, ROWS / processing, 100 * copyKeyed / processing);
            System.out.printf(Locale.ROOT, "  heap: max %d MB, peak in use during the import %d MB (target <= 512 MB)%n",
                    Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);

            long summarising = System.nanoTime();
            long deadline = summarising + 3_600_000_000_000L;
            while (System.nanoTime() < deadline && !jdbc.sql(
                    "SELECT summary_at IS NOT NULL AND summary_at >= data_changed_at FROM observatory.dataset WHERE code = :c")
                    .param("c", code).query(Boolean.class).single()) {
                Thread.sleep(200);
            }
            long summaryRows = jdbc.sql("SELECT count(*) FROM observatory.summary s JOIN observatory.dataset d ON d.id = s.dataset_id"
                    + " WHERE d.code = :c").param("c", code).query(Long.class).single();
            System.out.printf(Locale.ROOT, "Summary (sums over every pair of dimensions) ready %.1f s after the import: %,d rows%n",
                    seconds(summarising), summaryRows);
            return code;
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private void timeQueries(String code, List<String> countries) throws InterruptedException {
        // Ten million new rows wake autovacuum on the observations, which takes a core for a minute or more: the
        // queries are timed once it is done, as on a server between imports (how long that took is printed).
        long waiting = System.nanoTime();
        while (System.nanoTime() - waiting < 900_000_000_000L && jdbc.sql(
                "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'").query(Long.class).single() > 0) {
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "Waited %.1f s for autovacuum to finish%n", seconds(waiting));
        long querying = System.nanoTime();

        DataQuery aggregate = DataQuery.all().withGroupBy(List.of("REF_AREA", "SEX")).withPeriods("1980", "1989");
        DataResult first = observatory.data(code, aggregate);
        // A few untimed rounds first, as a running server would have had: the figures are the steady state.
        for (int i = 0; i < 5; i++) {
            observatory.data(code, aggregate);
        }
        assertThat(first.aggregated()).isTrue();
        assertThat(first.series()).isNotEmpty();
        Stopwatch summary = new Stopwatch("aggregate REF_AREA × SEX, 1980–1989");
        for (int i = 0; i < 40; i++) {
            summary.time(() -> observatory.data(code, aggregate));
        }
        DataQuery small = DataQuery.all().withGroupBy(List.of("SEX", "REASON")).withPeriods("1980", "1989");
        observatory.data(code, small);
        Stopwatch smallGroups = new Stopwatch("aggregate SEX × REASON, 1980–1989");
        for (int i = 0; i < 40; i++) {
            smallGroups.time(() -> observatory.data(code, small));
        }
        int datasetId = jdbc.sql("SELECT id FROM observatory.dataset WHERE code = :c").param("c", code).query(Integer.class).single();
        List<Set<String>> any = new ArrayList<>(Collections.nCopies(4, (Set<String>) null));
        List<String> totals = List.of("_T", "_T", "_T", "_T");
        Stopwatch base = new Stopwatch("same aggregate from the 10M observations");
        for (int i = 0; i < 5; i++) {
            base.time(() -> observations.aggregate(datasetId, List.of(1, 2), any, totals, List.of(), LocalDate.of(1980, 1, 1),
                    LocalDate.of(1989, 12, 31), null, false, 1_000_000, (a, b, source, period, total) -> { }));
        }
        Stopwatch summaryRead = new Stopwatch("its summary rows alone (SQL + JDBC)");
        for (int i = 0; i < 40; i++) {
            summaryRead.time(() -> observations.aggregate(datasetId, List.of(1, 2), any, totals, List.of(), LocalDate.of(1980, 1, 1),
                    LocalDate.of(1989, 12, 31), null, true, 1_000_000, (a, b, source, period, total) -> { }));
        }
        Stopwatch one = new Stopwatch("one series, all periods");
        for (int i = 0; i < 200; i++) {
            String key = countries.get(i % countries.size()) + "." + SEXES.get(i % 2) + "." + AGES.get(i % AGES.size()) + "."
                    + REASONS.get(i % REASONS.size());
            one.time(() -> observatory.data(code, DataQuery.key(key)));
        }
        System.out.println(summary.summary() + "   (target p95 <= 200 ms)");
        System.out.printf(Locale.ROOT, "  %,d series, %,d values in the answer%n", first.series().size(),
                first.series().stream().mapToInt(x -> x.observations().size()).sum());
        System.out.println(summaryRead.summary());
        System.out.println(smallGroups.summary());
        System.out.println(base.summary());
        System.out.printf(Locale.ROOT, "  ratio base / summary (p95): %.0f%n", base.percentile(95) / summary.percentile(95));
        System.out.println(one.summary() + "   (target p95 <= 20 ms)");
        System.out.printf(Locale.ROOT, "Timing queries took %.1f s%n", seconds(querying));
    }

    /** Series by series (the order of SDMX exports), month after month from January 1980. */
    private static long generate(Path file, List<String> countries) throws IOException {
        long series = (long) countries.size() * SEXES.size() * AGES.size() * REASONS.size();
        long months = (ROWS + series - 1) / series;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("REF_AREA,SEX,AGE,REASON,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\n");
            StringBuilder line = new StringBuilder(64);
            long seed = 42;
            for (String country : countries) {
                for (String sex : SEXES) {
                    for (String age : AGES) {
                        for (String reason : REASONS) {
                            for (int m = 0; m < months && written < ROWS; m++) {
                                seed = seed * 6364136223846793005L + 1442695040888963407L;
                                line.setLength(0);
                                line.append(country).append(',').append(sex).append(',').append(age).append(',').append(reason)
                                        .append(",OECD,").append(1980 + m / 12).append('-');
                                int month = m % 12 + 1;
                                line.append(month < 10 ? "0" : "").append(month).append(',').append((seed >>> 40) % 100_000).append('\n');
                                out.write(line.toString());
                                written++;
                            }
                        }
                    }
                }
            }
        }
        return series;
    }

    private double copy(Path file, String table) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", in, 1 << 16);
        }
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
