package org.marsad.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marsad.MarsadApplication;
import org.marsad.organisations.OrganisationInput;
import org.marsad.organisations.OrganisationType;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database keeps its data across restarts, and one data directory serves one process only. */
class EmbeddedDatabaseLifecycleTest {

    private Path dataDir;

    @AfterEach
    void cleanUp() throws Exception {
        SecurityContextHolder.clearContext();
        if (dataDir != null && Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void dataSurvivesARestartAndASecondProcessOnTheSameDirectoryRefusesToStart() throws Exception {
        dataDir = Files.createTempDirectory("marsad-restart-");
        try (ConfigurableApplicationContext first = start()) {
            signInAsAdmin(first);
            first.getBean(OrganisationsApi.class).create(new OrganisationInput("RESTART-TEST", OrganisationType.NGO, "MA",
                    null, LocalizedText.of("Survit au redémarrage", null, null), null, null, null, null, null, null));

            assertThatThrownBy(this::start)
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(DataDirectoryInUseException.class))
                    .satisfies(e -> {
                        FailureAnalysis analysis = new DataDirectoryInUseFailureAnalyzer().analyze(e);
                        assertThat(analysis.getDescription()).contains("Another Marsad process", dataDir.toString());
                        assertThat(analysis.getAction()).contains("MARSAD_DATA_DIR");
                    });
            assertThat(first.getBean(OrganisationsApi.class).get("RESTART-TEST")).isNotNull();
        }
        SecurityContextHolder.clearContext();
        try (ConfigurableApplicationContext second = start()) {
            var organisation = second.getBean(OrganisationsApi.class).get("RESTART-TEST");
            assertThat(organisation.name().fr()).isEqualTo("Survit au redémarrage");
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, so that they win over application.yml (as environment variables would).
        return new SpringApplicationBuilder(MarsadApplication.class)
                .run("--server.port=0", "--marsad.data-dir=" + dataDir, "--marsad.embedded.ephemeral=false",
                        "--marsad.admin-password=restart-test-password", "--logging.level.root=WARN");
    }

    private static void signInAsAdmin(ConfigurableApplicationContext context) {
        var principal = new MarsadPrincipal(1, "admin", "Administrator", EnumSet.of(Role.ADMIN), null, "fr", "", true, false);
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(securityContext);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
