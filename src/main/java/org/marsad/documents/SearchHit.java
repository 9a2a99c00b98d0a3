package org.marsad.documents;

import org.marsad.platform.LocalizedText;

/**
 * One passage that matches a search: its document, a locator (lines), a link to it and a snippet.
 * {@code snippetHtml} is HTML-escaped text with the matching words in {@code <mark>}.
 */
public record SearchHit(
        String document,
        LocalizedText documentTitle,
        int passage,
        int fromLine,
        int toLine,
        String locator,
        String href,
        double rank,
        String snippet,
        String snippetHtml) {
}
