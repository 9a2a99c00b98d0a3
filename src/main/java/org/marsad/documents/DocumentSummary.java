package org.marsad.documents;

import java.time.LocalDate;
import java.util.List;

import org.marsad.platform.LocalizedText;

/** A document of the library, without its text. */
public record DocumentSummary(
        String code,
        String fileName,
        String kind,
        LocalizedText title,
        LocalizedText summary,
        String issuer,
        List<String> issuerCodes,
        LocalDate publishedOn,
        String dateLabel,
        String language,
        int lineCount,
        int passageCount,
        String sha256) {

    /** The three-digit number the documents are known by ("000" … "004"). */
    public String shortCode() {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }
}
