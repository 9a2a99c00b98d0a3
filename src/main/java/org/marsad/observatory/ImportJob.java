package org.marsad.observatory;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An import of a file into a dataset: its progress while it runs, then its outcome. {@code inserted} new values,
 * {@code corrected} values that got a new vintage, {@code unchanged} rows identical to the current values,
 * {@code withdrawn} values closed by delete rows; {@code errorKey} explains a file-level rejection.
 */
public record ImportJob(long id, String dataset, String fileName, long fileSize, String format, ImportMode mode,
        String defaultSource, ImportStatus status, String phase, long bytesRead, long rowsRead, long rowsRejected,
        long inserted, long corrected, long unchanged, long withdrawn, String errorKey, List<String> errorArgs,
        String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** Progress in percent of the bytes read, when the size is known. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return fileSize <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / fileSize);
    }

    public boolean finished() {
        return status.finished();
    }

    /** One rejected row or cell: line of the file (1 = header), column, the value as read, and why. */
    public record Error(long line, String column, String value, String reason, List<String> args) {
    }
}
