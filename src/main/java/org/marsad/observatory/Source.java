package org.marsad.observatory;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * Who produced a figure, and what it counts (its definition, in the documents' words where they give it). Part of
 * every observation's key: two sources never overwrite each other.
 */
public record Source(String code, SourceKind kind, String organisationCode, LocalizedText name, LocalizedText definition,
        List<SourceCitation> citations) {
}
