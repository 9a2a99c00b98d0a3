package org.marsad.skills.taxonomy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed extract says where it comes from, and is exactly what the generator makes of ESCO v1.1.1. */
class EscoExtractTest {

    @Test
    void theExtractIsMarkedAsDerivedFromEsco111WithTheAttributionSentence() throws IOException {
        String head = new String(decompressed(), 0, 400, StandardCharsets.UTF_8);
        assertThat(head).contains("Derived from ESCO v1.1.1")
                .contains("This service uses the ESCO classification of the European Commission.")
                .contains("Modified extract");
    }

    @Test
    void theGeneratorReproducesTheCommittedExtractFromTheEscoFiles() throws IOException {
        Path esco = escoFolder();
        Assumptions.assumeTrue(esco != null, "ESCO v1.1.1 CSV files not found (set ESCO_DIR): reproduction not checked");
        byte[] generated = EscoExtractGenerator.generate(esco);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(generated))) {
            assertThat(in.readAllBytes()).isEqualTo(decompressed());
        }
    }

    private static byte[] decompressed() throws IOException {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(EscoTaxonomy.RESOURCE).getInputStream())) {
            return in.readAllBytes();
        }
    }

    private static Path escoFolder() {
        String env = System.getenv("ESCO_DIR");
        for (String candidate : new String[] {env, "../shared/esco/v1.1.1", "../../shared/esco/v1.1.1", "/work/shared/esco/v1.1.1"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "relations"))) {
                return Path.of(candidate);
            }
        }
        return null;
    }
}
