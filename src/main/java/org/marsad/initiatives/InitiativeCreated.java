package org.marsad.initiatives;

import java.time.LocalDate;
import java.util.Set;

/** An initiative was recorded (by a person, an IATI import or the seed), holding from {@code asOf}. */
public record InitiativeCreated(long initiativeId, String identifier, Set<Long> organisationIds, LocalDate asOf) {
}
