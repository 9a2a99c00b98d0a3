package org.marsad.platform.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.ToIntFunction;

import org.marsad.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads seed files from the class path and remembers which version of each was loaded, so that a restart
 * loads nothing and a changed file is loaded again (loaders upsert by code and never overwrite what a person
 * has edited).
 */
@Component
public class SeedFiles {

    private static final Logger log = LoggerFactory.getLogger(SeedFiles.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    // Strict: a misspelt key in a seed file is an error, not a silently missing value.
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    SeedFiles(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    public byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Missing seed file " + path, e);
        }
    }

    public <T> T readYaml(String path, Class<T> type) {
        return yaml.readValue(read(path), type);
    }

    /** Reads seed content already in memory, with the same strict rules (an unknown key is an error). */
    public <T> T readYaml(byte[] content, Class<T> type) {
        return yaml.readValue(content, type);
    }

    /**
     * Loads the named seed in one transaction if its content changed since the last load; the loader returns
     * how many records it wrote. The load is audited as a public change.
     */
    public void loadIfChanged(String name, byte[] content, ToIntFunction<byte[]> loader) {
        String checksum = sha256(content);
        String loaded = jdbc.sql("SELECT checksum FROM platform.seed_run WHERE name = :name")
                .param("name", name).query(String.class).optional().orElse(null);
        if (checksum.equals(loaded)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            int records = loader.applyAsInt(content);
            jdbc.sql("""
                    INSERT INTO platform.seed_run (name, checksum, records) VALUES (:name, :checksum, :records)
                    ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, records = EXCLUDED.records, loaded_at = now()
                    """)
                    .param("name", name).param("checksum", checksum).param("records", records).update();
            audit.record("SEED", "seed", name, records + " records from " + name, null, null, true);
            log.info("Seed {}: {} records loaded", name, records);
        });
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
