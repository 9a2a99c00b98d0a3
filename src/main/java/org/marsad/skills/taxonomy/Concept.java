package org.marsad.skills.taxonomy;

import java.util.List;

import org.marsad.platform.LocalizedText;

/**
 * An ESCO concept: its URI, type, code (ISCO code of a group, ESCO code of an occupation) and labels. ESCO has no
 * Arabic labels in Marsad's copy and French labels for only part of the skills: {@code label} then has no French
 * text, and pages show the English one marked as such.
 */
public record Concept(int index, String uri, ConceptType type, String code, LocalizedText label, List<String> altEn,
        List<String> altFr) {

    /** For an occupation, its ISCO-08 unit group (4 digits); for an ISCO group, its own code; otherwise empty. */
    public String iscoCode() {
        if (type == ConceptType.ISCO_GROUP) {
            return code;
        }
        if (type == ConceptType.OCCUPATION && code != null && code.length() >= 4) {
            int dot = code.indexOf('.');
            return dot < 0 ? code : code.substring(0, dot);
        }
        return "";
    }

    public boolean hasFrench() {
        return label.fr() != null;
    }

    /** The English label, which every concept has: for logs and exports. */
    public String englishLabel() {
        return label.en() == null ? uri : label.en();
    }
}
