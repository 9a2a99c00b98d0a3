package org.marsad.platform.seed;

import java.util.List;

import org.marsad.platform.SourceCitation;

/** A citation as written in seed files: {@code {document, locator, lines: [from, to], quote}}. */
public record SeedCitation(String document, String locator, List<Integer> lines, String quote) {

    public SourceCitation toCitation() {
        if (lines == null || lines.size() != 2) {
            throw new IllegalArgumentException("citation of " + document + " (" + locator + ") needs lines: [from, to]");
        }
        return new SourceCitation(document, locator, lines.get(0), lines.get(1), quote);
    }
}
