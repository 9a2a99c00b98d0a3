package org.marsad.organisations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.marsad.documents.DocumentsApi;
import org.marsad.organisations.AliasKind;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationType;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/**
 * Loads every organisation the documents name ({@code seed/organisations/organisations.yaml}), each with the
 * passages that name it. Records a person has edited are left as they are.
 */
@Component
class OrganisationSeedLoader implements SeedLoader {

    static final String FILE = "seed/organisations/organisations.yaml";

    private final SeedFiles seeds;
    private final OrganisationRepository organisations;
    private final DocumentsApi documents;

    OrganisationSeedLoader(SeedFiles seeds, OrganisationRepository organisations, DocumentsApi documents) {
        this.seeds = seeds;
        this.organisations = organisations;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        byte[] content = seeds.read(FILE);
        seeds.loadIfChanged("organisations", content, bytes -> {
            Registry registry = seeds.readYaml(FILE, Registry.class);
            Map<String, Long> ids = new HashMap<>();
            int written = 0;
            for (Entry e : registry.organisations()) {
                List<SourceCitation> sources = new ArrayList<>();
                for (SeedCitation c : e.sources() == null ? List.<SeedCitation>of() : e.sources()) {
                    SourceCitation citation = c.toCitation();
                    try {
                        documents.verify(citation);
                    }
                    catch (IllegalArgumentException ex) {
                        throw new IllegalStateException("Organisation " + e.code() + ": " + ex.getMessage(), ex);
                    }
                    sources.add(citation);
                }
                if (sources.isEmpty()) {
                    throw new IllegalStateException("Organisation " + e.code() + " has no source in " + FILE);
                }
                List<Organisation.Alias> aliases = e.aliases() == null ? List.of() : e.aliases().stream()
                        .map(a -> new Organisation.Alias(a.value(), a.lang(), a.kind(), a.note())).toList();
                var row = new OrganisationRepository.Row(e.code(), e.type(), e.country(), null, SeedText.of(e.name()),
                        SeedText.of(e.acronym()), SeedText.of(e.description()), e.iatiIdentifier(), e.website(), aliases,
                        sources, false);
                var existing = organisations.findByCode(e.code());
                if (existing.isEmpty()) {
                    ids.put(e.code(), organisations.insert(row));
                    written++;
                }
                else {
                    ids.put(e.code(), existing.get().id());
                    if (!organisations.isEdited(e.code()) && organisations.update(existing.get().id(), row, existing.get().version())) {
                        written++;
                    }
                }
            }
            for (Entry e : registry.organisations()) {
                if (e.parent() != null && !organisations.isEdited(e.code())) {
                    Long parent = ids.get(e.parent());
                    if (parent == null) {
                        throw new IllegalStateException("Organisation " + e.code() + " has unknown parent " + e.parent());
                    }
                    organisations.setParent(ids.get(e.code()), parent);
                }
            }
            return written;
        });
    }

    record Registry(List<Entry> organisations) {
    }

    record Entry(String code, OrganisationType type, String country, String parent, SeedText name, SeedText acronym,
            List<SeedAlias> aliases, String iatiIdentifier, String website, SeedText description,
            List<SeedCitation> sources) {
    }

    record SeedAlias(String value, String lang, AliasKind kind, String note) {
    }
}
