package org.marsad.platform.db;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each module owns one PostgreSQL schema, named after it, and one Flyway folder
 * ({@code db/migration/<module>}) with its own history table, so that module versions never collide.
 * Modules migrate in dependency order: a module may reference the tables of the modules before it.
 */
public final class SchemaMigrations {

    /** Every module with tables, in dependency order. A test checks that each migration folder is listed. */
    public static final List<String> MODULES = List.of("platform", "documents", "organisations", "frameworks",
            "initiatives", "measures", "indicators", "observatory", "skills");

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    static void migrate(DataSource dataSource) {
        for (String module : MODULES) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(module)
                    .defaultSchema(module)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + module)
                    .table("flyway_schema_history")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Schema {}: {} migration(s) applied, now at version {}", module, result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
        }
    }
}
