package org.marsad.initiatives;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * What a person writes to create or change an initiative. Codes are strings so that an unknown one is reported
 * on its field. {@code asOf} is the date from which the new state holds (default: today); it may not be in the
 * future nor before the date of the current state. A change of status needs a {@code comment}; removing links
 * needs a {@code linkRemovalReason}. {@code version} is the version that was read (updates only).
 */
public record InitiativeInput(
        String code,
        String reportingOrganisation,
        LocalizedText title,
        LocalizedText description,
        String status,
        String visibility,
        List<ParticipationInput> participations,
        DatesInput dates,
        List<BudgetInput> budgets,
        List<TransactionInput> transactions,
        List<String> regions,
        List<String> places,
        List<String> targetGroups,
        List<String> nodes,
        List<SourceCitation> sources,
        String asOf,
        LocalizedText comment,
        String linkRemovalReason,
        Integer version) {

    /** An organisation (code, alias or IATI identifier) in a role (code 1–4 or name). */
    public record ParticipationInput(String organisation, String role) {
    }

    /** Dates as YYYY, YYYY-MM or YYYY-MM-DD. */
    public record DatesInput(String plannedStart, String plannedEnd, String actualStart, String actualEnd) {
    }

    /** Amount as a decimal string (e.g. "1500000.00"), dates as YYYY-MM-DD, currency ISO 4217. */
    public record BudgetInput(String type, String periodStart, String periodEnd, String amount, String currency) {
    }

    public record TransactionInput(String type, String date, String amount, String currency, LocalizedText description) {
    }
}
