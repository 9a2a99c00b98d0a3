package org.marsad.indicators;

import java.math.BigDecimal;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * The values of one period as a person enters them. Dates are {@code YYYY}, {@code YYYY-MM} or
 * {@code YYYY-MM-DD}; {@code end} may be left open. Numeric indicators take {@code target} and/or {@code actual}
 * ({@code actualUpper} when the source gives a range); qualitative ones take texts and may take a {@code status}.
 * A period that already has values is corrected: the earlier values are kept as superseded, and {@code reason}
 * (why they are corrected) is required.
 */
public record ValueInput(String start, String end, BigDecimal target, BigDecimal actual, BigDecimal actualUpper,
        Boolean approximate, LocalizedText targetText, LocalizedText actualText, LocalizedText targetComment,
        LocalizedText actualComment, String status, List<DimensionInput> targetDimensions,
        List<DimensionInput> actualDimensions, List<SourceCitation> sources, String reason) {

    public record DimensionInput(String name, Boolean breakdown, List<ItemInput> items) {
    }

    public record ItemInput(String label, BigDecimal value) {
    }
}
