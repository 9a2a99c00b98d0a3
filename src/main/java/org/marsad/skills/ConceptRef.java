package org.marsad.skills;

import org.marsad.platform.LocalizedText;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;

/** An ESCO concept as records carry it: URI, type and labels (English always, French where ESCO has one). */
public record ConceptRef(String uri, ConceptType type, LocalizedText label) {

    public static ConceptRef of(Concept concept) {
        return new ConceptRef(concept.uri(), concept.type(), concept.label());
    }
}
