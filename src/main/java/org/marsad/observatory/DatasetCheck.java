package org.marsad.observatory;

import java.math.BigDecimal;
import java.util.List;

import org.marsad.platform.SourceCitation;

/**
 * Published against recomputed: each figure a source published next to its counts (shares, changes, growth
 * rates) beside the value Marsad computes from the stored counts, and each published total beside the sum of its
 * parts.
 */
public record DatasetCheck(String dataset, List<FigureCheck> figures, List<TotalCheck> totals) {

    public long mismatches() {
        return figures.stream().filter(f -> f.status() == CheckStatus.MISMATCH).count()
                + totals.stream().filter(t -> t.status() == CheckStatus.MISMATCH).count();
    }

    /**
     * A published figure: {@code decimals} is its published rounding; MATCH when the recomputed value is within half
     * a unit of the last published decimal (for "at least", when it is not below the published value).
     */
    public record FigureCheck(Derivation kind, String seriesKey, List<SeriesData.DimensionValue> dimensions, String source,
            String period, String basePeriod, String baseCode, BigDecimal published, int decimals, Qualifier qualifier,
            BigDecimal recomputed, BigDecimal rounded, BigDecimal difference, CheckStatus status, SourceCitation citation) {
    }

    /**
     * A published total and the sum of its parts in one source and period; {@code otherKey} is the rest of the key
     * (the checked position shown as {@code *}). For an "of which" breakdown the parts may not exceed the total.
     */
    public record TotalCheck(Dataset.AggregateRule rule, String source, String period, String otherKey, BigDecimal total,
            BigDecimal sumOfParts, List<String> missingParts, CheckStatus status) {
    }
}
