package org.marsad.documents.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/** Loads the five source documents (verbatim text and metadata from {@code seed/documents}). */
@Component
class DocumentSeedLoader implements SeedLoader {

    static final String FOLDER = "seed/documents/";

    private final SeedFiles seeds;
    private final DocumentRepository documents;

    DocumentSeedLoader(SeedFiles seeds, DocumentRepository documents) {
        this.seeds = seeds;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load() {
        byte[] metadata = seeds.read(FOLDER + "documents.yaml");
        Catalogue catalogue = seeds.readYaml(FOLDER + "documents.yaml", Catalogue.class);
        for (Entry entry : catalogue.documents()) {
            byte[] content = seeds.read(FOLDER + entry.file());
            // The key covers the metadata, the text and the cutting rules: a change to any of them re-cuts the passages.
            byte[] key = concat(concat(metadata, content), ("splitter-v" + PassageSplitter.VERSION).getBytes(StandardCharsets.UTF_8));
            seeds.loadIfChanged("documents/" + entry.file(), key, bytes -> {
                String text = new String(content, StandardCharsets.UTF_8);
                String code = entry.file().replaceFirst("\\.txt$", "");
                documents.upsert(code, entry.file(), entry.kind(), SeedText.of(entry.title()), SeedText.of(entry.summary()),
                        entry.issuer(), entry.issuerCodes() == null ? List.of() : entry.issuerCodes(), entry.date(),
                        entry.dateLabel(), entry.language(), text, SeedFiles.sha256(content),
                        PassageSplitter.split(text.lines().toList()));
                return 1;
            });
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    record Catalogue(List<Entry> documents) {
    }

    record Entry(String file, String kind, SeedText title, String issuer, List<String> issuerCodes, LocalDate date,
            String dateLabel, String language, SeedText summary) {
    }
}
