package org.marsad.observatory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * One value of a series from one source for one period, as one vintage: valid from the time it was recorded until
 * a correction replaced it ({@code validTo}, null while it is the current value).
 */
public record Observation(String period, BigDecimal value, ObsStatus status, Qualifier qualifier,
        PeriodBasis periodBasis, Integer decimals, LocalizedText note, SourceCitation citation, OffsetDateTime validFrom,
        OffsetDateTime validTo) {

    public boolean flagged() {
        return qualifier != null || status != ObsStatus.A || periodBasis == PeriodBasis.DOCUMENT_DATE;
    }
}
