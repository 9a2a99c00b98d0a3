package org.marsad.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.marsad.platform.MarsadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One data source for the whole application: the PostgreSQL named by {@code spring.datasource.url}, or, when
 * none is configured, an embedded PostgreSQL whose files live under {@code MARSAD_DATA_DIR/postgres}. Either
 * way every module's schema is migrated before the data source is handed to anyone.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    static final String EMBEDDED_DATABASE = "marsad";

    @Bean
    EmbeddedDatabase embeddedDatabase(DataSourceProperties dataSourceProperties, MarsadProperties properties,
            ObjectProvider<EarlyEmbeddedDatabase.Starting> early) {
        if (StringUtils.hasText(dataSourceProperties.getUrl())) {
            return EmbeddedDatabase.NONE;
        }
        EarlyEmbeddedDatabase.Starting starting = early.getIfAvailable();
        return starting != null ? starting.claim()
                : EmbeddedDatabase.start(properties.dataDir(), properties.embedded().ephemeral());
    }

    @Bean
    HikariDataSource dataSource(DataSourceProperties dataSourceProperties, EmbeddedDatabase embedded) {
        HikariDataSource dataSource;
        if (embedded.server() == null) {
            dataSource = dataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
            log.info("Using the PostgreSQL database at {}", dataSourceProperties.getUrl());
        }
        else {
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(embedded.server().getJdbcUrl("postgres", EMBEDDED_DATABASE));
            dataSource.setUsername("postgres");
        }
        dataSource.setPoolName("marsad");
        if (dataSource.getMaximumPoolSize() == 10) {
            dataSource.setMaximumPoolSize(20);
        }
        SchemaMigrations.migrate(dataSource);
        return dataSource;
    }

    /** The embedded server, or {@link #NONE} when an external database is configured. */
    record EmbeddedDatabase(EmbeddedPostgres server, DataDirectoryLock lock, Path dataDir, boolean ephemeral)
            implements DisposableBean {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null, null, false);

        static EmbeddedDatabase start(Path dataDir, boolean ephemeral) {
            Path absolute = dataDir.toAbsolutePath().normalize();
            DataDirectoryLock lock = DataDirectoryLock.acquire(absolute);
            try {
                Path pgData = absolute.resolve("postgres");
                stopOrphanedServer(pgData);
                boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "localhost")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // Spring stops the server when the context closes, after the beans that use it.
                        .setRegisterShutdownHook(false)
                        .start();
                createDatabaseIfMissing(server);
                log.info("Embedded PostgreSQL {} on port {}, data in {}", fresh ? "initialised" : "started",
                        server.getPort(), pgData);
                return new EmbeddedDatabase(server, lock, absolute, ephemeral);
            }
            catch (IOException | SQLException e) {
                lock.close();
                throw new IllegalStateException("Could not start the embedded PostgreSQL in " + absolute + ": " + e.getMessage(), e);
            }
            catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        /**
         * A Marsad that was killed (not stopped) leaves its PostgreSQL running on the data directory. We hold the
         * directory lock, so no live Marsad owns that server: stop it before starting ours.
         */
        private static void stopOrphanedServer(Path pgData) throws IOException {
            Path pidFile = pgData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid;
            try {
                pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            }
            catch (RuntimeException e) {
                return;
            }
            var orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (orphan.isEmpty()) {
                return;
            }
            log.warn("Stopping a PostgreSQL (pid {}) left running on {} by a Marsad that did not stop cleanly", pid, pgData);
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(60, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IOException("The PostgreSQL left running on " + pgData + " (pid " + pid + ") did not stop", e);
            }
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres server) throws SQLException {
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + EMBEDDED_DATABASE + "'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                statement.execute("CREATE DATABASE " + EMBEDDED_DATABASE + " ENCODING 'UTF8'");
            }
        }

        @Override
        public void destroy() throws IOException {
            if (server == null) {
                return;
            }
            try {
                server.close();
            }
            finally {
                lock.close();
                if (ephemeral) {
                    deleteRecursively(dataDir);
                }
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
