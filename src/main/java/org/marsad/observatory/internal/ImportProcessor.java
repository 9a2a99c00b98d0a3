package org.marsad.observatory.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.marsad.observatory.Dataset;
import org.marsad.observatory.ImportJob;
import org.marsad.observatory.ImportMode;
import org.marsad.observatory.ImportStatus;
import org.marsad.observatory.ObsStatus;
import org.marsad.observatory.PeriodBasis;
import org.marsad.observatory.Qualifier;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.audit.AuditLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import: reads the file as a stream, validates each row against the dataset's structure and codelists in
 * memory (the codelists are small; the file may be huge), stages valid rows with PostgreSQL {@code COPY} in
 * batches, then merges the staged rows into the observations with set-based SQL, in one transaction. A row whose
 * key, source and value equal the current observation changes nothing; a different value adds a vintage.
 */
@Component
public class ImportProcessor {

    static final int BATCH = 20_000;
    static final int MAX_REPORTED_ERRORS = 10_000;
    static final int MAX_VALUE_SHOWN = 200;
    static final int MAX_COMMENT = 2000;
    static final long PROGRESS_NANOS = 500_000_000L;
    /** Summaries pay off on large datasets only; small ones are aggregated from their observations directly. */
    static final long SUMMARY_THRESHOLD = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ImportProcessor.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;
    private final JdbcClient jdbc;
    private final ImportRepository jobs;
    private final ImportFiles files;
    private final DatasetRepository datasets;
    private final CodelistRepository codelists;
    private final SourceRepository sources;
    private final ObservationRepository observations;
    private final AuditLog audit;
    private final Json json;

    ImportProcessor(DataSource dataSource, PlatformTransactionManager transactions, JdbcClient jdbc, ImportRepository jobs,
            ImportFiles files, DatasetRepository datasets, CodelistRepository codelists, SourceRepository sources,
            ObservationRepository observations, AuditLog audit, Json json) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.files = files;
        this.datasets = datasets;
        this.codelists = codelists;
        this.sources = sources;
        this.observations = observations;
        this.audit = audit;
        this.json = json;
    }

    /** Rows of the file that failed validation, when the import is all-or-nothing: nothing is written. */
    private static final class Rejected extends RuntimeException {
        private final String key;

        Rejected(String key) {
            super(key);
            this.key = key;
        }
    }

    /** Processes a claimed job to its end and returns its outcome; never throws for bad input. */
    public ImportRepository.Outcome run(long jobId) {
        ImportRepository.Work work = jobs.work(jobId).orElseThrow();
        Dataset dataset = datasets.find(work.datasetCode()).orElseThrow();
        int datasetId = datasets.id(dataset.code()).orElseThrow();
        ImportRepository.Outcome outcome;
        Workbook workbook = new Workbook(jobId);
        // A dataset without values takes the file straight into the observations; a duplicate key in the file
        // then shows up as a unique violation, and the import starts again through the staging table.
        boolean direct = datasets.observationCount(datasetId) == 0;
        Run run = new Run(work, dataset, direct);
        try (SeriesResolver resolver = new SeriesResolver(dataSource, datasetId)) {
            while (true) {
                run = new Run(work, dataset, direct);
                run.resolver = resolver;
                try (InputStream raw = new BufferedInputStream(files.open(work.oid()), ImportFiles.CHUNK)) {
                    run.file = workbook.open(raw);
                    Run current = run;
                    outcome = transaction.execute(status -> current.process());
                    break;
                }
                catch (DuplicateInDirectCopy e) {
                    direct = false;
                }
            }
            if (outcome.status() != ImportStatus.DONE) {
                resolver.removeUnused();
            }
        }
        catch (ImportFileException e) {
            outcome = run.outcome(ImportStatus.REJECTED, e.key(), e.args());
        }
        catch (Rejected e) {
            outcome = run.outcome(ImportStatus.REJECTED, e.key, List.of());
        }
        catch (IOException | UncheckedIOException e) {
            log.warn("Import {} could not read its file: {}", jobId, e.getMessage());
            outcome = run.outcome(ImportStatus.FAILED, "observatory.import.error.unreadable", List.of());
        }
        catch (RuntimeException e) {
            log.error("Import {} failed", jobId, e);
            outcome = run.outcome(ImportStatus.FAILED, "observatory.import.error.unexpected", List.of(String.valueOf(jobId)));
        }
        finally {
            workbook.delete();
        }
        ImportRepository.Outcome finalOutcome = outcome;
        List<ImportJob.Error> errors = run.errors;
        separately.executeWithoutResult(s -> {
            jobs.insertErrors(jobId, errors);
            jobs.finish(jobId, finalOutcome);
            files.delete(work.oid());
            jobs.clearFile(jobId);
        });
        log.info("Import {} into {}: {} ({} rows, {} rejected, {} new, {} corrected, {} unchanged, {} withdrawn)", jobId,
                dataset.code(), finalOutcome.status(), finalOutcome.rowsRead(), finalOutcome.rowsRejected(),
                finalOutcome.inserted(), finalOutcome.corrected(), finalOutcome.unchanged(), finalOutcome.withdrawn());
        if (finalOutcome.status() == ImportStatus.DONE) {
            summarise(dataset);
        }
        return finalOutcome;
    }

    /** A duplicate key met while copying straight into the observations: the import is redone through staging. */
    private static final class DuplicateInDirectCopy extends RuntimeException {
        DuplicateInDirectCopy() {
            super("duplicate key in a direct copy");
        }
    }

    /** Opens the stored file as CSV or XLSX; an XLSX needs random access, so it is copied to a temporary file once. */
    private static final class Workbook {

        private final long jobId;
        private Path temporary;

        Workbook(long jobId) {
            this.jobId = jobId;
        }

        TableFile open(InputStream raw) throws IOException {
            raw.mark(8);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                if (temporary == null) {
                    temporary = Files.createTempFile("marsad-import-" + jobId + "-", ".xlsx");
                    Files.copy(raw, temporary, StandardCopyOption.REPLACE_EXISTING);
                }
                return new XlsxFile(temporary);
            }
            if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF) {
                throw new ImportFileException("observatory.import.error.oldExcel");
            }
            return new CsvFile(raw);
        }

        void delete() {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                }
                catch (IOException e) {
                    log.warn("Could not delete {}", temporary);
                }
            }
        }
    }

    /** Summaries are rebuilt in the background: an import is done once its values are in. */
    private final ExecutorService summaries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "observatory-summary");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> summaryQueued = ConcurrentHashMap.newKeySet();

    void summarise(Dataset dataset) {
        if (summaryQueued.add(dataset.code())) {
            summaries.execute(() -> {
                summaryQueued.remove(dataset.code());
                try {
                    refreshSummary(dataset);
                }
                catch (RuntimeException e) {
                    log.error("Summary of {} failed", dataset.code(), e);
                }
            });
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        summaries.shutdownNow();
    }

    /** Rebuilds the summary of a large additive dataset, so aggregates read sums instead of millions of rows. */
    public void refreshSummary(Dataset dataset) {
        int id = datasets.id(dataset.code()).orElseThrow();
        if (!dataset.additive() || dataset.unitIndex() >= 0 || dataset.dimensions().size() < 2
                || datasets.observationCount(id) < SUMMARY_THRESHOLD) {
            return;
        }
        separately.executeWithoutResult(s -> {
            OffsetDateTime changed = datasets.dataChangedAt(id);
            long start = System.nanoTime();
            int rows = observations.rebuildSummary(id, dataset.dimensions().size(),
                    dataset.dimensions().stream().map(Dataset.Dimension::total).toList());
            datasets.summaryBuilt(id, changed);
            log.info("Summary of {} rebuilt: {} rows in {} ms", dataset.code(), rows, (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** The state of one import while it runs. */
    private final class Run implements TableFile.RowHandler {

        private final ImportRepository.Work work;
        private final Dataset dataset;
        private final int datasetId;
        private final List<Set<String>> codes = new ArrayList<>();
        private final Map<String, Integer> sourceIds;
        private final Integer defaultSource;
        private final List<ImportJob.Error> errors = new ArrayList<>();
        private boolean direct;
        private TableFile file;
        private SeriesResolver resolver;
        private Columns columns;
        private Stager stager;
        private long rowsRead;
        private long rowsRejected;
        private long lastProgress = System.nanoTime();
        private final Map<String, Periods.Period> periods = new HashMap<>();

        Run(ImportRepository.Work work, Dataset dataset, boolean direct) {
            this.work = work;
            this.dataset = dataset;
            this.direct = direct;
            this.datasetId = datasets.id(dataset.code()).orElseThrow();
            for (Dataset.Dimension d : dataset.dimensions()) {
                codes.add(codelists.codeSet(d.codelist()));
            }
            this.sourceIds = sources.ids();
            this.defaultSource = work.defaultSource() == null ? null : sourceIds.get(work.defaultSource());
        }

        ImportRepository.Outcome outcome(ImportStatus status, String key, List<String> args) {
            return new ImportRepository.Outcome(status, rowsRead, rowsRejected, 0, 0, 0, 0, key, args);
        }

        ImportRepository.Outcome process() {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            // One import at a time per dataset: a second waits here instead of racing for the same keys.
            jdbc.sql("SELECT pg_advisory_xact_lock(1329745494, :ds)").param("ds", datasetId).query().listOfRows();
            if (direct && datasets.observationCount(datasetId) > 0) {
                direct = false;
            }
            if (!direct) {
                jdbc.sql("""
                        CREATE TEMP TABLE import_stage (
                            line bigint, series_id bigint, source_id integer, period text, period_start date, period_end date,
                            value numeric, status char(1), qualifier text, period_basis text, decimals smallint, note jsonb,
                            is_delete boolean) ON COMMIT DROP
                        """).update();
            }
            OffsetDateTime now = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
            try {
                stager = new Stager(connection.unwrap(PGConnection.class), now);
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            long started = System.nanoTime();
            try {
                file.read(this);
                if (columns == null) {
                    throw new ImportFileException("observatory.import.error.empty");
                }
                stager.finish();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finally {
                stager.abortIfOpen();
            }
            long staged = System.nanoTime();
            progress("VALIDATING");
            if (rowsRead == 0) {
                throw new ImportFileException("observatory.import.error.noRows");
            }
            boolean allOrNothing = work.mode() == ImportMode.ALL_OR_NOTHING;
            long closedChanged = 0;
            long withdrawn = 0;
            long inserted;
            if (direct) {
                if (rowsRejected > 0 && allOrNothing) {
                    throw new Rejected("observatory.import.error.rowsRejected");
                }
                inserted = stager.values;
                if (inserted == 0) {
                    throw new Rejected("observatory.import.error.noValidRows");
                }
            }
            else {
                boolean existing = stager.staged > 0 && hasCurrentValues(stager.sourceIds);
                if (rowsRejected > 0 && allOrNothing) {
                    reportDuplicates(false);
                    throw new Rejected("observatory.import.error.rowsRejected");
                }
                reportDuplicates(!allOrNothing);
                if (rowsRejected > 0 && allOrNothing) {
                    throw new Rejected("observatory.import.error.rowsRejected");
                }
                if (stager.staged - stager.removed == 0) {
                    throw new Rejected("observatory.import.error.noValidRows");
                }
                progress("MERGING");
                if (existing) {
                    Map<String, Object> closed = jdbc.sql("""
                            WITH closed AS (
                                UPDATE observatory.observation o SET valid_to = :now, current = false
                                FROM pg_temp.import_stage s
                                WHERE o.current AND o.series_id = s.series_id AND o.source_id = s.source_id AND o.period = s.period
                                  AND (s.is_delete OR o.value <> s.value OR o.status <> s.status
                                       OR o.qualifier IS DISTINCT FROM s.qualifier OR o.period_basis IS DISTINCT FROM s.period_basis
                                       OR o.decimals IS DISTINCT FROM s.decimals OR o.note IS DISTINCT FROM s.note)
                                RETURNING s.is_delete)
                            SELECT count(*) FILTER (WHERE is_delete) AS withdrawn, count(*) FILTER (WHERE NOT is_delete) AS changed
                            FROM closed
                            """).param("now", now).query().singleRow();
                    withdrawn = ((Number) closed.get("withdrawn")).longValue();
                    closedChanged = ((Number) closed.get("changed")).longValue();
                }
                inserted = insert(now, existing);
            }
            log.info("Import {}: read and {} {} rows in {} ms (series lookups {} ms, copy {} ms), checked and merged in {} ms",
                    work.id(), direct ? "copied" : "staged", rowsRead, (staged - started) / 1_000_000,
                    resolver.nanos / 1_000_000, stager.copyNanos / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
            long stagedValues = direct ? stager.values : stager.staged - stager.deletes - stager.removed;
            long corrected = closedChanged;
            long fresh = inserted - corrected;
            long unchanged = stagedValues - inserted;
            datasets.recordWrite(datasetId, fresh - withdrawn, stager.firstPeriod, stager.firstStart, stager.lastPeriod,
                    stager.lastEnd, stager.sourceIds);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("import", work.id());
            summary.put("file", work.fileName());
            summary.put("rows", rowsRead);
            summary.put("rejected", rowsRejected);
            summary.put("inserted", fresh);
            summary.put("corrected", corrected);
            summary.put("unchanged", unchanged);
            summary.put("withdrawn", withdrawn);
            audit.record("IMPORT", "dataset", dataset.code(), "import #" + work.id() + " of " + work.fileName() + ": " + fresh
                    + " new, " + corrected + " corrected, " + withdrawn + " withdrawn", null, summary, true);
            return new ImportRepository.Outcome(ImportStatus.DONE, rowsRead, rowsRejected, fresh, corrected, unchanged,
                    withdrawn, null, List.of());
        }

        private boolean hasCurrentValues(Set<Integer> sourceIdsInFile) {
            return jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM observatory.observation_current o JOIN observatory.series s ON s.id = o.series_id
                                   WHERE s.dataset_id = :ds AND o.source_id = ANY(:sources))
                    """).param("ds", datasetId).param("sources", sourceIdsInFile.toArray(Integer[]::new))
                    .query(Boolean.class).single();
        }

        private long insert(OffsetDateTime now, boolean skipCurrent) {
            String sql = """
                    INSERT INTO observatory.observation_current (series_id, source_id, period, period_start, period_end, value,
                        status, qualifier, period_basis, decimals, note, import_id, valid_from)
                    SELECT series_id, source_id, period, period_start, period_end, value, status, qualifier, period_basis,
                        decimals, note, :job, :now
                    FROM pg_temp.import_stage s WHERE NOT s.is_delete
                    """ + (skipCurrent ? """
                      AND NOT EXISTS (SELECT 1 FROM observatory.observation_current o
                                      WHERE o.series_id = s.series_id AND o.source_id = s.source_id AND o.period = s.period)
                    """ : "");
            return jdbc.sql(sql).param("job", work.id()).param("now", now).update();
        }

        /** Reports every row whose key, source and period occur more than once; optionally drops them all. */
        private void reportDuplicates(boolean remove) {
            List<Map<String, Object>> groups = jdbc.sql("""
                    SELECT se.key, st.period, src.code AS source, array_agg(st.line ORDER BY st.line) AS lines
                    FROM pg_temp.import_stage st JOIN observatory.series se ON se.id = st.series_id
                    JOIN observatory.source src ON src.id = st.source_id
                    GROUP BY se.key, st.period, src.code HAVING count(*) > 1 LIMIT :limit
                    """).param("limit", MAX_REPORTED_ERRORS).query().listOfRows();
            for (Map<String, Object> g : groups) {
                Long[] lines;
                try {
                    lines = (Long[]) ((Array) g.get("lines")).getArray();
                }
                catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                for (Long line : lines) {
                    List<String> others = Arrays.stream(lines).filter(l -> !l.equals(line)).map(String::valueOf).toList();
                    rowsRejected++;
                    error(line, "TIME_PERIOD", g.get("key") + " " + g.get("period") + " " + g.get("source"),
                            "observatory.import.reason.duplicate", String.join(", ", others));
                }
            }
            if (remove && !groups.isEmpty()) {
                stager.removed += jdbc.sql("""
                        DELETE FROM pg_temp.import_stage st USING (
                            SELECT series_id, source_id, period FROM pg_temp.import_stage
                            GROUP BY series_id, source_id, period HAVING count(*) > 1) d
                        WHERE st.series_id = d.series_id AND st.source_id = d.source_id AND st.period = d.period
                        """).update();
            }
        }

        private void error(long line, String column, String value, String reason, String... args) {
            if (errors.size() < MAX_REPORTED_ERRORS) {
                String shown = value == null ? null : value.length() > MAX_VALUE_SHOWN ? value.substring(0, MAX_VALUE_SHOWN) + "…" : value;
                errors.add(new ImportJob.Error(line, column, shown, reason, List.of(args)));
            }
        }

        private void progress(String phase) {
            long bytes = file == null ? 0 : Math.max(0, file.bytesRead());
            separately.executeWithoutResult(s -> jobs.progress(work.id(), phase, bytes, rowsRead, rowsRejected));
        }

        @Override
        public void header(List<String> names) {
            columns = Columns.of(names, dataset, file.format());
            separately.executeWithoutResult(s -> jobs.format(work.id(), columns.sdmx ? "SDMX-CSV" : file.format()));
            for (String unknown : columns.unknown) {
                error(1, unknown, null, "observatory.import.warning.unknownColumn");
            }
            if (columns.problem != null) {
                throw columns.problem;
            }
            if (columns.source < 0 && defaultSource == null) {
                throw new ImportFileException("observatory.import.error.noSource");
            }
        }

        @Override
        public void row(long line, String[] fields) {
            rowsRead++;
            if ((rowsRead & 1023) == 0 && System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                lastProgress = System.nanoTime();
                progress("READING");
            }
            int before = errors.size();
            boolean bad = false;
            if (fields.length != columns.names.size()) {
                rowsRejected++;
                error(line, null, null, "observatory.import.reason.fieldCount", String.valueOf(columns.names.size()),
                        String.valueOf(fields.length));
                return;
            }
            if (columns.structure >= 0) {
                String structure = fields[columns.structure].strip();
                if (!structure.equals("dataflow") && !structure.equals("datastructure") && !structure.equals("dataprovision")) {
                    bad = reject(line, "STRUCTURE", structure, "observatory.import.reason.structureType");
                }
            }
            if (columns.structureId >= 0) {
                String id = fields[columns.structureId].strip();
                if (!dataset.code().equals(structureCode(id))) {
                    bad = reject(line, "STRUCTURE_ID", id, "observatory.import.reason.structureId", dataset.structureId());
                }
            }
            boolean delete = false;
            if (columns.action >= 0) {
                String action = fields[columns.action].strip().toUpperCase(Locale.ROOT);
                switch (action) {
                    case "", "I", "A", "R" -> { }
                    case "D" -> delete = true;
                    default -> bad = reject(line, "ACTION", action, "observatory.import.reason.action");
                }
            }
            StringBuilder key = new StringBuilder();
            for (int d = 0; d < columns.dims.length; d++) {
                String code = fields[columns.dims[d]].strip();
                String dimension = dataset.dimensions().get(d).code();
                if (code.isEmpty()) {
                    bad = reject(line, dimension, code, "observatory.import.reason.codeMissing");
                }
                else if (!codes.get(d).contains(code)) {
                    bad = reject(line, dimension, code, "observatory.import.reason.unknownCode", dataset.dimensions().get(d).codelist());
                }
                key.append(d == 0 ? "" : ".").append(code);
            }
            String rawPeriod = fields[columns.period].strip();
            // A file repeats a few hundred periods millions of times: each is parsed once.
            Periods.Period period = periods.get(rawPeriod);
            if (period == null) {
                period = Periods.parse(rawPeriod).orElse(NOT_A_PERIOD);
                if (periods.size() < 100_000) {
                    periods.put(rawPeriod, period);
                }
            }
            if (period == NOT_A_PERIOD) {
                period = null;
            }
            if (period == null) {
                bad = reject(line, "TIME_PERIOD", rawPeriod, rawPeriod.isEmpty() ? "observatory.import.reason.periodMissing"
                        : "observatory.import.reason.badPeriod");
            }
            BigDecimal value = null;
            if (!delete) {
                Numbers.Parsed parsed = Numbers.parse(fields[columns.value], file.commaIsDecimal());
                if (parsed.reason() != null) {
                    bad = reject(line, "OBS_VALUE", fields[columns.value], parsed.reason());
                }
                value = parsed.value();
            }
            ObsStatus status = ObsStatus.A;
            if (columns.status >= 0 && !fields[columns.status].isBlank()) {
                String s = fields[columns.status].strip().toUpperCase(Locale.ROOT);
                try {
                    status = ObsStatus.valueOf(s);
                }
                catch (IllegalArgumentException e) {
                    bad = reject(line, "OBS_STATUS", s, "observatory.import.reason.status");
                }
            }
            Qualifier qualifier = null;
            if (columns.qualifier >= 0 && !fields[columns.qualifier].isBlank()) {
                String q = fields[columns.qualifier].strip().toUpperCase(Locale.ROOT);
                try {
                    qualifier = Qualifier.valueOf(q);
                }
                catch (IllegalArgumentException e) {
                    bad = reject(line, "OBS_QUALIFIER", q, "observatory.import.reason.qualifier");
                }
            }
            PeriodBasis basis = PeriodBasis.STATED;
            if (columns.basis >= 0 && !fields[columns.basis].isBlank()) {
                String b = fields[columns.basis].strip().toUpperCase(Locale.ROOT);
                try {
                    basis = PeriodBasis.valueOf(b);
                }
                catch (IllegalArgumentException e) {
                    bad = reject(line, "PERIOD_BASIS", b, "observatory.import.reason.periodBasis");
                }
            }
            Integer decimals = null;
            if (columns.decimals >= 0 && !fields[columns.decimals].isBlank()) {
                String raw = fields[columns.decimals].strip();
                try {
                    decimals = Integer.parseInt(raw);
                    if (decimals < 0 || decimals > 12) {
                        bad = reject(line, "DECIMALS", raw, "observatory.import.reason.decimals");
                    }
                }
                catch (NumberFormatException e) {
                    bad = reject(line, "DECIMALS", raw, "observatory.import.reason.decimals");
                }
            }
            String note = null;
            if (columns.comment >= 0 && !fields[columns.comment].isBlank()) {
                String comment = unescapeFormula(fields[columns.comment].strip());
                if (comment.length() > MAX_COMMENT) {
                    bad = reject(line, "COMMENT_OBS", comment, "observatory.import.reason.commentTooLong", String.valueOf(MAX_COMMENT));
                }
                note = json.write(localized(comment));
            }
            Integer sourceId = defaultSource;
            if (columns.source >= 0 && !fields[columns.source].isBlank()) {
                String code = fields[columns.source].strip();
                sourceId = sourceIds.get(code);
                if (sourceId == null) {
                    bad = reject(line, columns.names.get(columns.source), code, "observatory.import.reason.unknownSource");
                }
            }
            else if (sourceId == null) {
                bad = reject(line, "DATA_SOURCE", "", "observatory.import.reason.sourceMissing");
            }
            if (bad) {
                rowsRejected++;
                return;
            }
            assert errors.size() == before;
            stager.add(new Staged(line, key.toString(), sourceId, period, value, status, qualifier, basis, decimals, note, delete));
        }

        private LocalizedText localized(String comment) {
            return switch (work.language()) {
                case "ar" -> LocalizedText.of(null, comment, null);
                case "en" -> LocalizedText.of(null, null, comment);
                default -> LocalizedText.french(comment);
            };
        }

        private boolean reject(long line, String column, String value, String reason, String... args) {
            error(line, column, value, reason, args);
            return true;
        }

        /**
         * Valid rows go out as one streaming COPY, into the observations themselves (direct) or into the staging
         * table, while the file is still being read: PostgreSQL writes while Java parses. Series keys are resolved to
         * ids on a side connection; rows of a series not met before wait until a batch of new keys is resolved.
         */
        private final class Stager {

            private final PGConnection connection;
            private final String directSuffix;
            private final Map<Periods.Period, String> periodText = new HashMap<>();
            private PGCopyOutputStream copy;
            private final List<Staged> waiting = new ArrayList<>();
            private final Set<String> waitingKeys = new LinkedHashSet<>();
            private final StringBuilder text = new StringBuilder(1 << 17);
            private final Set<Integer> sourceIds = new HashSet<>();
            private long staged;
            private long values;
            private long copyNanos;
            private long deletes;
            private long removed;
            private String firstPeriod;
            private LocalDate firstStart;
            private String lastPeriod;
            private LocalDate lastEnd;

            Stager(PGConnection connection, OffsetDateTime now) {
                this.connection = connection;
                this.directSuffix = "\t" + work.id() + "\t" + now + "\n";
            }

            void add(Staged row) {
                if (direct && row.delete()) {
                    // Nothing is stored yet in this dataset: there is nothing to withdraw.
                    staged++;
                    deletes++;
                    return;
                }
                Long series = resolver.cached(row.key());
                if (series != null) {
                    write(row, series);
                    return;
                }
                waiting.add(row);
                waitingKeys.add(row.key());
                if (waiting.size() >= BATCH || waitingKeys.size() >= 2_000) {
                    drain();
                }
            }

            private void drain() {
                if (waiting.isEmpty()) {
                    return;
                }
                Map<String, Long> ids = resolver.resolve(waitingKeys);
                for (Staged row : waiting) {
                    write(row, ids.get(row.key()));
                }
                waiting.clear();
                waitingKeys.clear();
            }

            private void write(Staged s, long series) {
                if (direct) {
                    text.append(series).append('\t').append(s.sourceId()).append('\t');
                }
                else {
                    text.append(s.line()).append('\t').append(series).append('\t').append(s.sourceId()).append('\t');
                }
                text.append(periodText.computeIfAbsent(s.period(), p -> p.value() + '\t' + p.start() + '\t' + p.end() + '\t'))
                        .append(s.value() == null ? "\\N" : s.value().toPlainString()).append('\t')
                        .append(s.status().name()).append('\t')
                        .append(s.qualifier() == null ? "\\N" : s.qualifier().name()).append('\t')
                        .append(s.basis() == PeriodBasis.DOCUMENT_DATE ? "DOCUMENT_DATE" : "\\N").append('\t')
                        .append(s.decimals() == null ? "\\N" : s.decimals().toString()).append('\t');
                appendCopyText(text, s.note());
                if (direct) {
                    text.append(directSuffix);
                }
                else {
                    text.append('\t').append(s.delete() ? 't' : 'f').append('\n');
                }
                sourceIds.add(s.sourceId());
                staged++;
                if (s.delete()) {
                    deletes++;
                }
                else {
                    values++;
                    track(s.period());
                }
                if (text.length() >= 1 << 16) {
                    send();
                }
            }

            private void send() {
                long sending = System.nanoTime();
                try {
                    if (copy == null) {
                        copy = new PGCopyOutputStream(connection, direct
                                ? "COPY observatory.observation_current (series_id, source_id, period, period_start, period_end, value,"
                                        + " status, qualifier, period_basis, decimals, note, import_id, valid_from) FROM STDIN"
                                : "COPY pg_temp.import_stage FROM STDIN", 1 << 16);
                    }
                    copy.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
                catch (SQLException | IOException e) {
                    throw failure(e);
                }
                text.setLength(0);
                copyNanos += System.nanoTime() - sending;
            }

            void finish() {
                drain();
                if (!text.isEmpty()) {
                    send();
                }
                if (copy != null) {
                    long ending = System.nanoTime();
                    try {
                        copy.endCopy();
                    }
                    catch (SQLException e) {
                        throw failure(e);
                    }
                    finally {
                        copy = null;
                    }
                    copyNanos += System.nanoTime() - ending;
                }
            }

            /** After a failure mid-file the connection must leave COPY mode before the transaction rolls back. */
            void abortIfOpen() {
                if (copy != null && copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    }
                    catch (SQLException e) {
                        log.warn("Could not cancel a COPY: {}", e.getMessage());
                    }
                }
                copy = null;
            }

            private RuntimeException failure(Exception e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof SQLException sql && "23505".equals(sql.getSQLState()) && direct) {
                        return new DuplicateInDirectCopy();
                    }
                }
                return new IllegalStateException("copy failed: " + e.getMessage(), e);
            }

            private void track(Periods.Period p) {
                if (firstStart == null || p.start().isBefore(firstStart)) {
                    firstStart = p.start();
                    firstPeriod = p.value();
                }
                if (lastEnd == null || p.end().isAfter(lastEnd)) {
                    lastEnd = p.end();
                    lastPeriod = p.value();
                }
            }
        }
    }

    private static final Periods.Period NOT_A_PERIOD = new Periods.Period("", LocalDate.MIN, LocalDate.MIN);

    /** One valid row, ready to stage. */
    private record Staged(long line, String key, int sourceId, Periods.Period period, BigDecimal value, ObsStatus status,
            Qualifier qualifier, PeriodBasis basis, Integer decimals, String note, boolean delete) {
    }

    /** PostgreSQL COPY text format: backslash, tab and line breaks escaped, null as \N. */
    static void appendCopyText(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** The ID in {@code AGENCY:ID(VERSION)} or {@code AGENCY:ID}. */
    static String structureCode(String structureId) {
        String s = structureId;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        int paren = s.indexOf('(');
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        return s.strip();
    }

    /** Exports protect text cells against formula injection with a leading apostrophe; imports take it off again. */
    static String unescapeFormula(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
