package org.marsad.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Marsad's own settings ({@code marsad.*}), each backed by an environment variable documented in the README.
 */
@ConfigurationProperties("marsad")
public record MarsadProperties(
        Path dataDir,
        String adminPassword,
        boolean demo,
        String demoPassword,
        DataSize maxJsonBody,
        Login login,
        Embedded embedded) {

    public MarsadProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (maxJsonBody == null) {
            maxJsonBody = DataSize.ofMegabytes(1);
        }
        if (login == null) {
            login = new Login(5, Duration.ofMinutes(15));
        }
        if (embedded == null) {
            embedded = new Embedded(false);
        }
    }

    public record Login(int maxFailures, Duration lockDuration) {
    }

    /** {@code ephemeral}: delete the embedded database when the application stops (tests only). */
    public record Embedded(boolean ephemeral) {
    }
}
