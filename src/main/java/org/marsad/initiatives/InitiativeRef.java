package org.marsad.initiatives;

import java.util.Set;

import org.marsad.platform.LocalizedText;

/** Enough of an initiative for another module to name it, link to it and check rights on it. */
public record InitiativeRef(long id, String code, String identifier, LocalizedText title, ActivityStatus status,
        Visibility visibility, Set<Long> organisationIds) {

    /** The name other modules store: the IATI identifier when there is one, else the Marsad code. */
    public String stableIdentifier() {
        return identifier != null && !identifier.isBlank() ? identifier : code;
    }

    public String href() {
        return "/initiatives/" + id;
    }
}
