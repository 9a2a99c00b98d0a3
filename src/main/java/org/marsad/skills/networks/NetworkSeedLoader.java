package org.marsad.skills.networks;

import java.util.ArrayList;
import java.util.List;

import org.marsad.documents.DocumentsApi;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/** Loads the six Maghribcom networks of {@code seed/skills/networks.yaml}, each checked against its passage. */
@Component
class NetworkSeedLoader implements SeedLoader {

    static final String FILE = "seed/skills/networks.yaml";

    private final SeedFiles seeds;
    private final NetworksApi networks;
    private final DocumentsApi documents;

    NetworkSeedLoader(SeedFiles seeds, NetworksApi networks, DocumentsApi documents) {
        this.seeds = seeds;
        this.networks = networks;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void load() {
        seeds.loadIfChanged("skills-networks", seeds.read(FILE), bytes -> {
            File file = seeds.readYaml(FILE, File.class);
            for (Entry e : file.networks()) {
                List<SourceCitation> sources = new ArrayList<>();
                for (SeedCitation c : e.sources()) {
                    SourceCitation citation = c.toCitation();
                    try {
                        documents.verify(citation);
                    }
                    catch (IllegalArgumentException ex) {
                        throw new IllegalStateException("Network " + e.code() + ": " + ex.getMessage(), ex);
                    }
                    sources.add(citation);
                }
                networks.seed(e.code(), e.kind(), e.country(), e.name().toText(), SeedText.of(e.description()), sources);
            }
            return file.networks().size();
        });
    }

    record File(List<Entry> networks) {
    }

    record Entry(String code, Network.Kind kind, String country, SeedText name, SeedText description,
            List<SeedCitation> sources) {
    }
}
