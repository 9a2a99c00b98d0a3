package org.marsad.skills.networks;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** A network of experts: geographic (a country of residence) or thematic, with the passage that names it. */
public record Network(long id, String code, Kind kind, String country, LocalizedText name, LocalizedText description,
        List<SourceCitation> sources, long members, boolean member) {

    public enum Kind {
        GEOGRAPHIC, THEMATIC
    }
}
