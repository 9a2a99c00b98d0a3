package org.marsad.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * One period of an indicator with its target and/or actual value (text for a qualitative indicator), their
 * disaggregations and comments, its status, the source of the figures, and who entered them. A superseded period
 * is an earlier value that a correction replaced, kept with who replaced it, when and why.
 */
public record Period(
        long id,
        PartialDate start,
        PartialDate end,
        BigDecimal target,
        LocalizedText targetText,
        LocalizedText targetComment,
        List<Dimension> targetDimensions,
        BigDecimal actual,
        BigDecimal actualUpper,
        LocalizedText actualText,
        LocalizedText actualComment,
        List<Dimension> actualDimensions,
        boolean approximate,
        Rag status,
        List<SourceCitation> sources,
        String enteredBy,
        OffsetDateTime enteredAt,
        OffsetDateTime supersededAt,
        String supersededBy,
        String supersedeReason) {

    /** "2017–2018", "2018", "2018-06-21–": how the period is named in tables and charts. */
    public String label() {
        if (end == null) {
            return start.value() + "–";
        }
        return start.equals(end) ? start.value() : start.value() + "–" + end.value();
    }

    public boolean superseded() {
        return supersededAt != null;
    }
}
