package org.marsad.initiatives;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A new state of an initiative was recorded, holding from {@code asOf}; {@code fields} names what changed. */
public record InitiativeUpdated(long initiativeId, String identifier, Set<Long> organisationIds, List<String> fields,
        LocalDate asOf) {
}
