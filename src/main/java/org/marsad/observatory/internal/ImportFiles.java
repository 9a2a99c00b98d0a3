package org.marsad.observatory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded files wait for their import in PostgreSQL large objects: streamed in and out in constant memory, and
 * readable by whichever node processes the import.
 */
@Component
public class ImportFiles {

    /** Bytes per round trip to the server when writing or reading a stored file. */
    static final int CHUNK = 1 << 20;

    private final DataSource dataSource;

    ImportFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Stored(long oid, long size, String sha256) {
    }

    /** Thrown when a file exceeds the allowed size; nothing is kept. */
    public static class TooLargeException extends RuntimeException {
        public TooLargeException() {
            super("file too large");
        }
    }

    /** Streams the file into a new large object, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Stored store(InputStream in, long maxBytes) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            LargeObjectManager manager = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = manager.createLO(LargeObjectManager.READWRITE);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (LargeObject object = manager.open(oid, LargeObjectManager.WRITE);
                    DigestInputStream digest = new DigestInputStream(in, sha)) {
                // Large chunks: each write is a round trip to the server.
                byte[] buffer = new byte[CHUNK];
                int filled = 0;
                for (int n; (n = digest.read(buffer, filled, buffer.length - filled)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLargeException();
                    }
                    filled += n;
                    if (filled == buffer.length) {
                        object.write(buffer, 0, filled);
                        filled = 0;
                    }
                }
                if (filled > 0) {
                    object.write(buffer, 0, filled);
                }
            }
            return new Stored(oid, size, HexFormat.of().formatHex(sha.digest()));
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not store the uploaded file: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a stored file for reading on its own connection; closing the stream ends that connection's work. */
    public InputStream open(long oid) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            LargeObject object = connection.unwrap(PGConnection.class).getLargeObjectAPI().open(oid, LargeObjectManager.READ);
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        int n = object.read(b, off, Math.min(len, CHUNK));
                        return n <= 0 && len > 0 ? -1 : n;
                    }
                    catch (SQLException e) {
                        throw new IOException(e);
                    }
                }

                @Override
                public void close() throws IOException {
                    try {
                        object.close();
                        connection.commit();
                    }
                    catch (SQLException e) {
                        throw new IOException(e);
                    }
                    finally {
                        try {
                            connection.close();
                        }
                        catch (SQLException ignored) {
                            // The connection goes back to the pool either way.
                        }
                    }
                }
            };
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not read the uploaded file: " + e.getMessage(), e);
        }
    }

    /** Removes a file once its import is over (the report stays). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(long oid) {
        try {
            DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getLargeObjectAPI().delete(oid);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not delete file " + oid + ": " + e.getMessage(), e);
        }
    }
}
