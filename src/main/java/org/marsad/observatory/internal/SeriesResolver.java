package org.marsad.observatory.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Series keys to ids for one import, with a bounded cache, on a connection of its own: the import's connection is
 * busy with a COPY while keys are being resolved. New series are committed at once (a key without values is harmless);
 * those an import created but did not fill are removed if the import fails.
 */
final class SeriesResolver implements AutoCloseable {

    static final int CACHE = 200_000;

    private final DataSource dataSource;
    private final int datasetId;
    private final Map<String, Long> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CACHE;
        }
    };
    private final List<Long> created = new ArrayList<>();
    private Connection connection;
    long nanos;

    SeriesResolver(DataSource dataSource, int datasetId) {
        this.dataSource = dataSource;
        this.datasetId = datasetId;
    }

    Long cached(String key) {
        return cache.get(key);
    }

    /** Ids for these keys, in the order given; series that do not exist are created in that order. */
    Map<String, Long> resolve(Collection<String> keys) {
        long start = System.nanoTime();
        Map<String, Long> ids = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Long id = cache.get(key);
            if (id != null) {
                ids.put(key, id);
            }
            else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            try {
                Connection c = connection();
                Array array = c.createArrayOf("text", missing.toArray());
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO observatory.series (dataset_id, key, dims)
                        SELECT ?, k, string_to_array(k, '.') FROM unnest(?::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n
                        ON CONFLICT (dataset_id, key) DO NOTHING RETURNING id
                        """)) {
                    insert.setInt(1, datasetId);
                    insert.setArray(2, array);
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            created.add(rs.getLong(1));
                        }
                    }
                }
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT id, key FROM observatory.series WHERE dataset_id = ? AND key = ANY(?::text[])")) {
                    select.setInt(1, datasetId);
                    select.setArray(2, array);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            ids.put(rs.getString(2), rs.getLong(1));
                            cache.put(rs.getString(2), rs.getLong(1));
                        }
                    }
                }
            }
            catch (SQLException e) {
                throw new IllegalStateException("could not resolve series: " + e.getMessage(), e);
            }
        }
        nanos += System.nanoTime() - start;
        return ids;
    }

    /** Removes the series this import created that hold no value (the import did not go through). */
    void removeUnused() {
        if (created.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection().prepareStatement("""
                DELETE FROM observatory.series s WHERE s.id = ANY(?::bigint[])
                AND NOT EXISTS (SELECT 1 FROM observatory.observation o WHERE o.series_id = s.id)
                """)) {
            delete.setArray(1, connection().createArrayOf("bigint", created.toArray()));
            delete.executeUpdate();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not remove unused series: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // Back to the pool either way.
            }
        }
    }
}
