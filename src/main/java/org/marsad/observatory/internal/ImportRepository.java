package org.marsad.observatory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.marsad.observatory.ImportJob;
import org.marsad.observatory.ImportMode;
import org.marsad.observatory.ImportStatus;
import org.marsad.platform.Json;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ImportRepository {

    private static final String SELECT = """
            SELECT j.*, d.code AS dataset_code FROM observatory.import_job j JOIN observatory.dataset d ON d.id = j.dataset_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Json json;

    ImportRepository(JdbcClient jdbc, JdbcTemplate batch, Json json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    public record NewJob(int datasetId, String fileName, String contentType, long size, String sha256, long oid,
            ImportMode mode, String defaultSource, String language, String createdBy, String claimedBy) {
    }

    /** Queues a job, or, when {@code claimedBy} names a node, hands it straight to that node. */
    public long insert(NewJob job) {
        return jdbc.sql("""
                INSERT INTO observatory.import_job (dataset_id, file_name, content_type, file_size, file_sha256, file_oid, mode,
                    default_source, language, status, phase, created_by, node, started_at, heartbeat_at)
                VALUES (:ds, :name, :type, :size, :sha, :oid, :mode, :source, :language,
                    CASE WHEN CAST(:node AS text) IS NULL THEN 'QUEUED' ELSE 'RUNNING' END,
                    CASE WHEN CAST(:node AS text) IS NULL THEN 'QUEUED' ELSE 'READING' END, :by, :node,
                    CASE WHEN CAST(:node AS text) IS NULL THEN NULL ELSE now() END, now())
                RETURNING id
                """)
                .param("node", job.claimedBy())
                .param("ds", job.datasetId()).param("name", job.fileName()).param("type", job.contentType())
                .param("size", job.size()).param("sha", job.sha256()).param("oid", job.oid()).param("mode", job.mode().name())
                .param("source", job.defaultSource()).param("language", job.language()).param("by", job.createdBy())
                .query(Long.class).single();
    }

    public Optional<ImportJob> find(long id) {
        return jdbc.sql(SELECT + " WHERE j.id = :id").param("id", id).query(this::map).optional();
    }

    public List<ImportJob> recent(String datasetCode, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(:code AS text) IS NULL OR d.code = :code) ORDER BY j.id DESC LIMIT :limit")
                .param("code", datasetCode).param("limit", limit).query(this::map).list();
    }

    /** Details the worker needs that the public record does not carry. */
    public record Work(long id, int datasetId, String datasetCode, long oid, String fileName, String contentType, long size,
            ImportMode mode, String defaultSource, String language, String createdBy) {
    }

    public Optional<Work> work(long id) {
        return jdbc.sql(SELECT + " WHERE j.id = :id").param("id", id)
                .query((rs, i) -> new Work(rs.getLong("id"), rs.getInt("dataset_id"), rs.getString("dataset_code"),
                        rs.getLong("file_oid"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("file_size"),
                        ImportMode.valueOf(rs.getString("mode")), rs.getString("default_source"), rs.getString("language"),
                        rs.getString("created_by")))
                .optional();
    }

    /** Takes a queued job for this node (one node per job, however many poll). */
    public Optional<Long> claimNext(String node) {
        return jdbc.sql("""
                UPDATE observatory.import_job SET status = 'RUNNING', phase = 'READING', node = :node, started_at = now(),
                    heartbeat_at = now()
                WHERE id = (SELECT id FROM observatory.import_job WHERE status = 'QUEUED' ORDER BY id
                            FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id
                """).param("node", node).query(Long.class).optional();
    }

    /** Takes one particular queued job (an API client waiting for its report). */
    public boolean claim(long id, String node) {
        return jdbc.sql("""
                UPDATE observatory.import_job SET status = 'RUNNING', phase = 'READING', node = :node, started_at = now(),
                    heartbeat_at = now()
                WHERE id = :id AND status = 'QUEUED'
                """).param("id", id).param("node", node).update() == 1;
    }

    /** Jobs whose node stopped beating (it died mid-import; its transaction rolled back) go back in the queue. */
    public int requeueStale(OffsetDateTime before) {
        return jdbc.sql("""
                UPDATE observatory.import_job SET status = 'QUEUED', phase = 'QUEUED', node = NULL, bytes_read = 0, rows_read = 0,
                    rows_rejected = 0
                WHERE status = 'RUNNING' AND heartbeat_at < :before
                """).param("before", before).update();
    }

    public void progress(long id, String phase, long bytesRead, long rowsRead, long rowsRejected) {
        jdbc.sql("""
                UPDATE observatory.import_job SET phase = :phase, bytes_read = :bytes, rows_read = :rows, rows_rejected = :rejected,
                    heartbeat_at = now()
                WHERE id = :id
                """).param("id", id).param("phase", phase).param("bytes", bytesRead).param("rows", rowsRead)
                .param("rejected", rowsRejected).update();
    }

    public void format(long id, String format) {
        jdbc.sql("UPDATE observatory.import_job SET format = :format WHERE id = :id").param("id", id).param("format", format).update();
    }

    public record Outcome(ImportStatus status, long rowsRead, long rowsRejected, long inserted, long corrected, long unchanged,
            long withdrawn, String errorKey, List<String> errorArgs) {
    }

    public void finish(long id, Outcome o) {
        jdbc.sql("""
                UPDATE observatory.import_job SET status = :status, phase = :status, rows_read = :rows, rows_rejected = :rejected,
                    inserted = :inserted, corrected = :corrected, unchanged = :unchanged, withdrawn = :withdrawn,
                    error_key = :errorKey, error_args = :errorArgs, finished_at = now(), heartbeat_at = now(),
                    bytes_read = CASE WHEN :status = 'DONE' THEN file_size ELSE bytes_read END
                WHERE id = :id
                """)
                .param("id", id).param("status", o.status().name()).param("rows", o.rowsRead()).param("rejected", o.rowsRejected())
                .param("inserted", o.inserted()).param("corrected", o.corrected()).param("unchanged", o.unchanged())
                .param("withdrawn", o.withdrawn()).param("errorKey", o.errorKey())
                .param("errorArgs", json.jsonb(o.errorArgs() == null ? List.of() : o.errorArgs()))
                .update();
    }

    public void phase(long id, String phase) {
        jdbc.sql("UPDATE observatory.import_job SET phase = :phase, heartbeat_at = now() WHERE id = :id")
                .param("id", id).param("phase", phase).update();
    }

    public void clearFile(long id) {
        jdbc.sql("UPDATE observatory.import_job SET file_oid = NULL WHERE id = :id").param("id", id).update();
    }

    public void insertErrors(long jobId, List<ImportJob.Error> errors) {
        List<Object[]> rows = new ArrayList<>();
        for (ImportJob.Error e : errors) {
            rows.add(new Object[] {jobId, rows.size(), e.line(), e.column(), e.value(), e.reason(), json.jsonb(e.args())});
        }
        batch.batchUpdate("""
                INSERT INTO observatory.import_error (job_id, seq, line, column_name, value, reason_key, reason_args)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    public List<ImportJob.Error> errors(long jobId, int limit, int offset) {
        return jdbc.sql("""
                SELECT * FROM observatory.import_error WHERE job_id = :job ORDER BY seq LIMIT :limit OFFSET :offset
                """).param("job", jobId).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new ImportJob.Error(rs.getLong("line"), rs.getString("column_name"), rs.getString("value"),
                        rs.getString("reason_key"), Arrays.asList(json.read(rs.getString("reason_args"), String[].class))))
                .list();
    }

    public long countErrors(long jobId) {
        return jdbc.sql("SELECT count(*) FROM observatory.import_error WHERE job_id = :job").param("job", jobId)
                .query(Long.class).single();
    }

    private ImportJob map(ResultSet rs, int i) throws SQLException {
        String args = rs.getString("error_args");
        return new ImportJob(rs.getLong("id"), rs.getString("dataset_code"), rs.getString("file_name"), rs.getLong("file_size"),
                rs.getString("format"), ImportMode.valueOf(rs.getString("mode")), rs.getString("default_source"),
                ImportStatus.valueOf(rs.getString("status")), rs.getString("phase"), rs.getLong("bytes_read"),
                rs.getLong("rows_read"), rs.getLong("rows_rejected"), rs.getLong("inserted"), rs.getLong("corrected"),
                rs.getLong("unchanged"), rs.getLong("withdrawn"), rs.getString("error_key"),
                args == null ? List.of() : Arrays.asList(json.read(args, String[].class)),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }
}
