package org.marsad.initiatives;

import java.time.LocalDate;

import org.marsad.platform.LocalizedText;

/** An initiative's IATI activity status changed, from {@code asOf}, for the reason in {@code comment}. */
public record InitiativeStatusChanged(long initiativeId, String identifier, ActivityStatus from, ActivityStatus to,
        LocalDate asOf, LocalizedText comment) {
}
