package org.marsad.skills.missions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.skills.matching.Explanation;

/**
 * A mission: an expert proposed for a demand, followed to its evaluation. {@code explanation} is the match as it was
 * when the expert was proposed; {@code trail} every step, dated; {@code evaluations} what each side said.
 */
public record Mission(
        long id,
        long demandId,
        LocalizedText demandTitle,
        long organisationId,
        String organisationCode,
        LocalizedText organisationName,
        Long expertId,
        String expertName,
        boolean expertErased,
        MissionState state,
        double score,
        Explanation explanation,
        String expertCountry,
        LocalDate scheduledStart,
        LocalDate scheduledEnd,
        OffsetDateTime stateSince,
        OffsetDateTime createdAt,
        boolean synthetic,
        int version,
        List<Step> trail,
        List<Evaluation> evaluations) {

    public boolean evaluatedBy(String side) {
        return evaluations.stream().anyMatch(e -> e.side().equals(side));
    }

    /** One dated step: who (which side) did what, from which state to which, with their words if any. */
    public record Step(long id, OffsetDateTime at, String action, MissionState from, MissionState to, String actorSide,
            String note) {
    }

    /** One side's evaluation: ratings from 1 to 5, whether they would do it again, and a comment. */
    public record Evaluation(String side, int overall, int objectives, int cooperation, boolean wouldRepeat, String comment,
            OffsetDateTime at) {
    }
}
