package org.marsad.initiatives;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.marsad.initiatives.internal.Changes;
import org.marsad.initiatives.internal.State;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.MarsadIntegrationTest;
import org.marsad.support.Stopwatch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Initiatives and scoreboards at scale (issue 3): 50,000 generated initiatives in PostgreSQL, then the application
 * jar started as its own process with {@code -Xmx256m} on that database, and measured from outside:
 *
 * <ul>
 * <li>with them, 10,000 indicators of 50 yearly values each (500,000 values) attached to every fifth initiative;</li>
 * <li>16 concurrent clients on the scoreboard API, the scoreboard page (not signed in, and signed in as a
 * coordinator), filtered initiative lists and initiative pages (which read their indicators), next to a
 * baseline under the same load ({@code /actuator/health}: one database round trip, nothing else);</li>
 * <li>the scoreboard computed from scratch (cache invalidated before every request), one client;</li>
 * <li>the IATI export of all 50,000 activities: time, heap in use (sampled with jstat), and the file validated
 * against the official schema.</li>
 * </ul>
 *
 * Run with {@code ./mvnw -q package -DskipTests && ./mvnw -Pbenchmark test -Dtest=InitiativesBenchmark}
 * (the jar must exist).
 */
@Tag("benchmark")
@MarsadIntegrationTest
class InitiativesBenchmark {

    static final int INITIATIVES = 50_000;
    static final int INDICATORS = 10_000;
    /** The application's heap: the cap for the IATI export. */
    static final String APP_HEAP = System.getProperty("initiatives.benchmark.heap", "256m");
    static final int YEARS = 50;
    static final int CLIENTS = 16;
    static final int REQUESTS_PER_CLIENT = 60;
    static final List<String> PARTNERS = List.of("EU", "ES", "FR", "DE", "BE", "IT", "NL", "PT", "SE", "GB", "IOM", "UNHCR");
    static final List<String> IMPLEMENTERS = List.of("MA-ANAPEC", "DE-GIZ", "BE-ENABEL", "ES-AECID", "IOM", "UNHCR", "UNICEF",
            "UNODC", "FR-OFII", "ETF", "MA-MDCMREAM", "MA-HCP");
    static final List<String> WORDS = List.of("formation", "appui", "migrants", "retour", "emploi", "jeunes", "femmes",
            "frontières", "réintégration", "diaspora", "étudiants", "protection", "asile", "information", "capacités",
            "traite", "mineurs", "mobilité", "compétences", "intégration", "santé", "éducation", "données", "visa");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Json json;

    @Autowired
    TestUsers users;

    @Test
    void initiativesAtScale() throws Exception {
        Path jar = Path.of("target/marsad.jar");
        assertThat(jar).as("build the jar first: ./mvnw -q package -DskipTests").exists();
        long started = System.nanoTime();
        generate();
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        long total = jdbc.sql("SELECT count(*) FROM initiatives.initiative").query(Long.class).single();

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HikariDataSource hikari = (HikariDataSource) dataSource;
        List<String> command = new ArrayList<>(List.of(javaBin("java").toString(), "-Xmx" + APP_HEAP));
        // Extra JVM options for the application, e.g. a flight recording to see where the time goes.
        String extra = System.getProperty("initiatives.benchmark.appArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(Path.of("target/initiatives-benchmark-app.log").toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        builder.environment().put("MARSAD_DATA_DIR", Files.createTempDirectory("marsad-bench").toString());
        Process app = builder.start();
        // Stopped with the test's JVM too (Ctrl-C during a hold, a killed run): it would hold its port and keep trying
        // a database that is gone.
        Thread stopApp = new Thread(app::destroy);
        Runtime.getRuntime().addShutdownHook(stopApp);
        try {
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
            waitUntilUp(http, base + "/actuator/health", app);

            List<String> scoreboardApi = List.of("/api/v1/scoreboards/MP2013", "/api/v1/scoreboards/GCM", "/api/v1/scoreboards/SNIA");
            List<String> scoreboardPage = List.of("/scoreboards/MP2013", "/scoreboards/GCM", "/scoreboards/SNIA");
            List<String> lists = List.of("/api/v1/initiatives?partner=ES&size=20", "/api/v1/initiatives?status=2&size=20",
                    "/api/v1/initiatives?partner=UE&status=1&size=20", "/api/v1/initiatives?node=MP2013.15&size=20",
                    "/api/v1/initiatives?region=MA-04&size=20", "/api/v1/initiatives?targetGroup=YOUTH&status=3&size=20",
                    "/api/v1/initiatives?q=r%C3%A9int%C3%A9gration&size=20", "/api/v1/initiatives?framework=GCM&partner=IOM&size=20",
                    "/api/v1/initiatives?partner=DE-GIZ&role=4&size=20", "/api/v1/initiatives?node=MP2013.S3&status=2&size=20");
            List<String> filteredScoreboards = List.of("/api/v1/scoreboards/MP2013?partner=ES", "/api/v1/scoreboards/MP2013?status=2",
                    "/api/v1/scoreboards/GCM?region=MA-04", "/api/v1/scoreboards/MP2013?asOf=2018-06-30",
                    "/api/v1/scoreboards/SNIA?targetGroup=WOMEN");

            List<String> initiativePages = jdbc.sql("""
                    SELECT '/initiatives/' || id FROM initiatives.initiative WHERE code IN
                      (SELECT 'BENCH-' || lpad((g * 4995)::text, 6, '0') FROM generate_series(0, 9) g) ORDER BY code
                    """).query(String.class).list();
            for (String url : concat(scoreboardApi, scoreboardPage, lists, filteredScoreboards, initiativePages)) {
                for (int i = 0; i < 5; i++) {
                    get(http, base + url);
                }
            }
            System.out.printf(Locale.ROOT, "%n%d initiatives generated in %.0f s; load average %s%n", INITIATIVES, generateSeconds,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            // One client, each URL alone: the service time and size of each answer, to see what the load is made of.
            for (String url : concat(List.of("/actuator/health"), scoreboardApi, scoreboardPage, lists, filteredScoreboards,
                    initiativePages.subList(0, 2))) {
                Stopwatch alone = new Stopwatch("1 client " + url);
                int bytes = 0;
                for (int i = 0; i < 10; i++) {
                    long t = System.nanoTime();
                    bytes = get(http, base + url);
                    alone.record((System.nanoTime() - t) / 1e6);
                }
                System.out.printf(Locale.ROOT, "%s  %d KB%n", alone.summary(), bytes / 1024);
            }
            long hold = Long.getLong("initiatives.benchmark.holdSeconds", 0);
            if (hold > 0) {
                // For looking at query plans by hand (psql on this URL) before the load runs.
                System.out.printf("holding %d s: database %s, application %s%n", hold, hikari.getJdbcUrl(), base);
                Thread.sleep(hold * 1000);
            }
            // Warm-up: every case once under the same load, not recorded, so that the figures are those of a server
            // that has been running (its code compiled by the JIT), not of its first minute.
            for (List<String> urls : List.of(List.of("/actuator/health"), scoreboardApi, scoreboardPage, lists,
                    filteredScoreboards, initiativePages)) {
                load("warm-up " + urls.getFirst(), http, base, urls);
            }
            // A signed-in reader (a coordinator, by a personal access token): the page's layout is theirs.
            String token = users.token(users.create(Role.COORDINATOR));
            load("warm-up signed in " + scoreboardPage.getFirst(), http, base, scoreboardPage, token);
            Stopwatch baseline = load("baseline: GET /actuator/health", http, base, List.of("/actuator/health"));
            Stopwatch api = load("scoreboard API (MP2013, GCM, SNIA)", http, base, scoreboardApi);
            Stopwatch page = load("scoreboard page (MP2013, GCM, SNIA)", http, base, scoreboardPage);
            Stopwatch signedInPage = load("scoreboard page, signed in", http, base, scoreboardPage, token);
            Stopwatch list = load("filtered initiative list (10 filters)", http, base, lists);
            Stopwatch filtered = load("scoreboard API, filtered / as of", http, base, filteredScoreboards);
            Stopwatch pages = load("initiative page with its indicators (10 initiatives)", http, base, initiativePages);
            Stopwatch baselineAgain = load("baseline again", http, base, List.of("/actuator/health"));

            Stopwatch uncached = new Stopwatch("scoreboard API MP2013, recomputed (1 client)");
            for (int i = 0; i < 30; i++) {
                jdbc.sql("UPDATE initiatives.change_stamp SET stamp = stamp + 1").update();
                long t = System.nanoTime();
                get(http, base + "/api/v1/scoreboards/MP2013");
                uncached.record((System.nanoTime() - t) / 1e6);
            }

            Path xml = Files.createTempFile("marsad-iati", ".xml");
            HeapSampler sampler = new HeapSampler(app.pid());
            sampler.start();
            long exportStart = System.nanoTime();
            HttpResponse<Path> export = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/initiatives/iati.xml")).build(),
                    HttpResponse.BodyHandlers.ofFile(xml));
            double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
            double heapMb = sampler.stop();
            assertThat(export.statusCode()).isEqualTo(200);
            long activities = countActivities(xml);
            long validateStart = System.nanoTime();
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(getClass().getResource("/iati/2.03/iati-activities-schema.xsd"))
                    .newValidator().validate(new StreamSource(xml.toFile()));
            double validateSeconds = (System.nanoTime() - validateStart) / 1e9;

            System.out.println();
            long values = jdbc.sql("SELECT count(*) FROM indicators.period").query(Long.class).single();
            System.out.printf(Locale.ROOT, "Initiatives benchmark: %d initiatives (%d generated) and %d indicator values, generated in %.0f s, app JVM -Xmx%s, %d clients x %d requests%n",
                    total, INITIATIVES, values, generateSeconds, APP_HEAP, CLIENTS, REQUESTS_PER_CLIENT);
            for (Stopwatch s : List.of(baseline, api, page, signedInPage, list, filtered, pages, baselineAgain, uncached)) {
                System.out.println(s.summary());
            }
            System.out.printf(Locale.ROOT, "ratio p95 scoreboard API / baseline = %.1f, page / baseline = %.1f, list / baseline = %.1f%n",
                    api.percentile(95) / baseline.percentile(95), page.percentile(95) / baseline.percentile(95),
                    list.percentile(95) / baseline.percentile(95));
            System.out.printf(Locale.ROOT, "IATI export: %d activities, %.1f MB in %.1f s, app heap in use at most %.0f MB (of %s); file valid against the 2.03 schema (checked in %.1f s)%n",
                    activities, Files.size(xml) / 1e6, exportSeconds, heapMb, APP_HEAP, validateSeconds);
            System.out.printf(Locale.ROOT, "targets: scoreboard API p95 <= 100 ms %s, page p95 <= 100 ms %s (signed in: %s), list p95 <= 50 ms %s, export <= 30 s %s%n",
                    api.percentile(95) <= 100 ? "MET" : "MISSED", page.percentile(95) <= 100 ? "MET" : "MISSED",
                    signedInPage.percentile(95) <= 100 ? "MET" : "MISSED",
                    list.percentile(95) <= 50 ? "MET" : "MISSED", exportSeconds <= 30 ? "MET" : "MISSED");
            Files.deleteIfExists(xml);
            assertThat(activities).isEqualTo(total);
        }
        finally {
            app.destroy();
            app.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopApp);
        }
    }

    /** Inserts the generated initiatives with their revisions and links, in batches, as the writer would store them. */
    private void generate() {
        Random random = new Random(20130607);
        List<Long> partners = ids(PARTNERS);
        List<Long> implementers = ids(IMPLEMENTERS);
        List<Object[]> nodes = jdbc.sql("""
                SELECT n.id, n.code, f.code FROM frameworks.node n JOIN frameworks.framework f ON f.id = n.framework_id
                WHERE f.code IN ('MP2013', 'GCM', 'SNIA') AND n.kind <> 'SECTION'
                """).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list();
        var orgLabels = jdbc.sql("SELECT id, code, name FROM organisations.organisation").query((rs, i) ->
                new OrganisationLabel(rs.getLong(1), rs.getString(2), null, json.text(rs.getString(3)))).list();
        Map<Long, OrganisationLabel> labels = new HashMap<>();
        orgLabels.forEach(l -> labels.put(l.id(), l));
        JdbcTemplate template = new JdbcTemplate(dataSource);
        int batch = 1000;
        for (int from = 0; from < INITIATIVES; from += batch) {
            List<Object[]> initiatives = new ArrayList<>();
            for (int i = from; i < from + batch; i++) {
                initiatives.add(new Object[] {String.format("BENCH-%06d", i), String.format("XM-BENCH-%06d", i)});
            }
            template.batchUpdate("INSERT INTO initiatives.initiative (code, identifier, origin, created_by) VALUES (?, ?, 'SEED', 'benchmark')",
                    initiatives);
            List<Long> ids = jdbc.sql("SELECT id FROM initiatives.initiative WHERE code >= :a AND code <= :b ORDER BY code")
                    .param("a", String.format("BENCH-%06d", from)).param("b", String.format("BENCH-%06d", from + batch - 1))
                    .query(Long.class).list();
            List<Object[]> revisions = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            for (long id : ids) {
                LocalDate first = LocalDate.of(2013, 1, 1).plusDays(random.nextInt(3650));
                int revisionCount = 1 + random.nextInt(2);
                List<String> nodeCodes = new ArrayList<>();
                for (int n = 0, k = 1 + random.nextInt(3); n < k; n++) {
                    Object[] node = nodes.get(random.nextInt(nodes.size()));
                    if (!nodeCodes.contains((String) node[1])) {
                        nodeCodes.add((String) node[1]);
                        links.add(new Object[] {id, node[0], node[1], node[2], Date.valueOf(first), first.toString()});
                    }
                }
                State previous = null;
                LocalDate validFrom = first;
                for (int r = 0; r < revisionCount; r++) {
                    State state = state(random, labels, partners, implementers, nodeCodes, r == revisionCount - 1 ? null : previous);
                    boolean current = r == revisionCount - 1;
                    revisions.add(new Object[] {id, r + 1, Date.valueOf(validFrom), validFrom.toString(), current ? "UPDATE" : "SEED",
                            current, state.status().code(), state.title().fr() == null ? "{}" : json.write(state.title()),
                            state.reportingOrganisation().id(), state.organisationIds(), state.partnerIds(),
                            state.participationKeys(), state.targetGroups().stream().map(Enum::name).toArray(String[]::new),
                            state.regions().toArray(String[]::new), json.write(state),
                            json.write(Changes.between(previous, state))});
                    previous = state;
                    validFrom = validFrom.plusDays(30 + random.nextInt(700));
                }
            }
            template.batchUpdate("""
                    INSERT INTO initiatives.revision (initiative_id, seq, valid_from, valid_from_text, recorded_by, kind, is_current,
                        status, visibility, title, reporting_org_id, org_ids, partner_ids, participations, target_groups, regions,
                        state, changes)
                    VALUES (?, ?, ?, ?, 'benchmark', ?, ?, ?, 'PUBLIC', CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                    """, revisions);
            template.batchUpdate("""
                    INSERT INTO initiatives.node_link (initiative_id, node_id, node_code, framework_code, valid_from, valid_from_text, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, 'benchmark')
                    """, links);
        }
        jdbc.sql("UPDATE initiatives.change_stamp SET stamp = stamp + 1").update();
        generateIndicatorValues();
        // What autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans need.
        jdbc.sql("VACUUM ANALYZE initiatives.initiative").update();
        jdbc.sql("VACUUM ANALYZE initiatives.revision").update();
        jdbc.sql("VACUUM ANALYZE initiatives.node_link").update();
    }

    /**
     * 10,000 indicators of 50 yearly periods each (500,000 values), one every fifth generated initiative, as the
     * indicators module stores them: what an initiative page and the indicators of an initiative read.
     */
    private void generateIndicatorValues() {
        jdbc.sql("""
                INSERT INTO indicators.indicator (code, title, measure, ascending, created_by)
                SELECT 'BENCH-I-' || lpad(g::text, 6, '0'),
                       jsonb_build_object('fr', 'Indicateur généré ' || g, 'en', 'Generated indicator ' || g),
                       CASE WHEN g % 3 = 0 THEN 'PERCENTAGE' ELSE 'UNIT' END, g % 4 <> 0, 'benchmark'
                FROM generate_series(0, :n - 1) g
                """).param("n", INDICATORS).update();
        jdbc.sql("""
                INSERT INTO indicators.indicator_initiative (initiative, indicator_id)
                SELECT 'XM-BENCH-' || lpad((substring(i.code, 9)::int * 5)::text, 6, '0'), i.id
                FROM indicators.indicator i WHERE i.code LIKE 'BENCH-I-%'
                """).update();
        jdbc.sql("""
                INSERT INTO indicators.period (indicator_id, period_start, period_end, start_date, end_date, target_value,
                    actual_value, entered_by)
                SELECT i.id, y::text, y::text, make_date(y, 1, 1), make_date(y, 12, 31), 80,
                       ((i.id * 7919 + y * 104729) % 100), 'benchmark'
                FROM indicators.indicator i, generate_series(2025 - :years, 2024) y
                WHERE i.code LIKE 'BENCH-I-%'
                """).param("years", YEARS).update();
        jdbc.sql("VACUUM ANALYZE indicators.indicator").update();
        jdbc.sql("VACUUM ANALYZE indicators.indicator_initiative").update();
        jdbc.sql("VACUUM ANALYZE indicators.period").update();
    }

    private State state(Random random, Map<Long, OrganisationLabel> labels, List<Long> partners,
            List<Long> implementers, List<String> nodes, State previous) {
        OrganisationLabel partner = labels.get(partners.get(random.nextInt(partners.size())));
        List<Participation> participations = new ArrayList<>();
        participations.add(new Participation(partner, random.nextBoolean() ? OrganisationRole.FUNDING : OrganisationRole.EXTENDING, null));
        if (random.nextInt(3) > 0) {
            participations.add(new Participation(labels.get(implementers.get(random.nextInt(implementers.size()))),
                    OrganisationRole.IMPLEMENTING, null));
        }
        String title = WORDS.get(random.nextInt(WORDS.size())) + " des " + WORDS.get(random.nextInt(WORDS.size())) + " et "
                + WORDS.get(random.nextInt(WORDS.size()));
        ActivityStatus status = ActivityStatus.ofCode(previous == null ? 1 + random.nextInt(4) : 1);
        List<Budget> budgets = new ArrayList<>();
        for (int b = 0, k = random.nextInt(3); b < k; b++) {
            int year = 2013 + random.nextInt(10) + b;
            budgets.add(new Budget(BudgetType.ORIGINAL, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                    BigDecimal.valueOf(10_000L * (1 + random.nextInt(5000))), random.nextInt(4) == 0 ? "MAD" : "EUR"));
        }
        List<TargetGroup> groups = new ArrayList<>();
        for (int g = 0, k = random.nextInt(3); g < k; g++) {
            TargetGroup group = TargetGroup.values()[random.nextInt(TargetGroup.values().length)];
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        List<String> regions = new ArrayList<>();
        for (int g = 0, k = random.nextInt(3); g < k; g++) {
            String region = MoroccoRegion.values()[random.nextInt(12)].code();
            if (!regions.contains(region)) {
                regions.add(region);
            }
        }
        return new State(LocalizedText.of(title, null, "Initiative " + title), LocalizedText.french("Description : " + title + "."),
                status, Visibility.PUBLIC, partner, false, participations,
                new InitiativeDates(PartialDate.parse(String.valueOf(2013 + random.nextInt(10))), null, null, null), budgets,
                List.of(), regions, List.of(), groups, nodes, List.of());
    }

    private List<Long> ids(List<String> codes) {
        return codes.stream().map(c -> jdbc.sql("SELECT id FROM organisations.organisation WHERE code = :c").param("c", c)
                .query(Long.class).single()).toList();
    }

    /** 16 clients, each sending its share of requests in a loop, chosen in turn from the URLs. */
    private static Stopwatch load(String name, HttpClient http, String base, List<String> urls) throws Exception {
        return load(name, http, base, urls, null);
    }

    /** The same, each request with this bearer token (null: none). */
    private static Stopwatch load(String name, HttpClient http, String base, List<String> urls, String bearer)
            throws Exception {
        Stopwatch stopwatch = new Stopwatch(name);
        AtomicLong counter = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(clients.submit(() -> {
                    for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
                        String url = base + urls.get((int) (counter.getAndIncrement() % urls.size()));
                        long t = System.nanoTime();
                        get(http, url, bearer);
                        stopwatch.record((System.nanoTime() - t) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        finally {
            clients.shutdown();
        }
        System.out.println(stopwatch.summary());
        return stopwatch;
    }

    private static int get(HttpClient http, String url) {
        return get(http, url, null);
    }

    private static int get(HttpClient http, String url, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body().length;
        }
        catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    private static void waitUntilUp(HttpClient http, String url, Process app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application stopped; see target/initiatives-benchmark-app.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start in 3 minutes");
    }

    private static long countActivities(Path xml) throws Exception {
        long count = 0;
        byte[] needle = "<iati-activity ".getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(xml)) {
            byte[] buffer = in.readAllBytes();
            for (int i = 0; i + needle.length <= buffer.length; i++) {
                int j = 0;
                while (j < needle.length && buffer[i + j] == needle[j]) {
                    j++;
                }
                if (j == needle.length) {
                    count++;
                }
            }
        }
        return count;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    static Path javaBin(String tool) {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return java.resolveSibling(tool);
    }

    /** Samples the heap in use of a JVM with jstat (eden + survivors + old), keeping the maximum. */
    static final class HeapSampler {

        private final long pid;
        private Process jstat;
        private Thread reader;
        private volatile double maxMb;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        void start() throws Exception {
            jstat = new ProcessBuilder(javaBin("jstat").toString(), "-gc", String.valueOf(pid), "100").redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String header = lines.readLine();
                    List<String> columns = List.of(header.trim().split("\\s+"));
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] v = line.trim().split("\\s+");
                        if (v.length != columns.size() || v[0].equals(columns.get(0))) {
                            continue;
                        }
                        double kb = 0;
                        for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                            kb += Double.parseDouble(v[columns.indexOf(c)]);
                        }
                        maxMb = Math.max(maxMb, kb / 1024);
                    }
                }
                catch (Exception e) {
                    // jstat stopped
                }
            });
            reader.start();
        }

        double stop() throws Exception {
            Thread.sleep(300);
            jstat.destroy();
            reader.join(2000);
            return maxMb;
        }
    }
}
