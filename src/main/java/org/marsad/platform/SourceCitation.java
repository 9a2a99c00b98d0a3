package org.marsad.platform;

/**
 * Where a record comes from: a document of the library, a locator a person would cite (point, section,
 * table, page) and the lines of the passage, so that the record links to the exact text.
 */
public record SourceCitation(String document, String locator, int fromLine, int toLine, String quote) {

    public SourceCitation {
        if (document == null || document.isBlank()) {
            throw new IllegalArgumentException("a citation needs a document");
        }
        if (fromLine < 1 || toLine < fromLine) {
            throw new IllegalArgumentException("invalid line range " + fromLine + "-" + toLine + " in " + document);
        }
    }

    /** The document's code: its file name without extension. */
    public String documentCode() {
        return document.endsWith(".txt") ? document.substring(0, document.length() - 4) : document;
    }

    /** A link to the passage in the document reader. */
    public String href() {
        return "/documents/" + documentCode() + "?from=" + fromLine + "&to=" + toLine + "#L" + fromLine;
    }
}
