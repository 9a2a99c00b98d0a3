package org.marsad.indicators;

import java.math.BigDecimal;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * An indicator's definition as a person writes it. {@code measure} is UNIT, PERCENTAGE or QUALITATIVE; nodes are
 * framework node codes, initiatives partner initiative identifiers. {@code version} is required to update.
 */
public record IndicatorInput(String code, LocalizedText title, LocalizedText description, String measure,
        LocalizedText unit, Boolean ascending, List<String> nodes, List<String> initiatives, Integer baselineYear,
        BigDecimal baselineValue, LocalizedText baselineComment, LocalizedText rationale, List<SourceCitation> sources,
        Integer version) {
}
