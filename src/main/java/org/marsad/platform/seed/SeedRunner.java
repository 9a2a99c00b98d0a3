package org.marsad.platform.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link SeedLoader} after the beans are created and before the web server starts, under a
 * PostgreSQL advisory lock so that nodes starting together on one database do not seed twice.
 */
@Component
class SeedRunner implements SmartInitializingSingleton {

    private static final long LOCK_KEY = 0x4d41525341444c4bL;

    private final ObjectProvider<SeedLoader> loaders;
    private final DataSource dataSource;

    SeedRunner(ObjectProvider<SeedLoader> loaders, DataSource dataSource) {
        this.loaders = loaders;
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                loaders.stream().sorted(Comparator.comparingInt(SeedLoader::order)).forEach(SeedLoader::load);
            }
            finally {
                statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Could not lock the database to load seed data: " + e.getMessage(), e);
        }
    }
}
