package org.marsad.observatory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.marsad.platform.LocalizedText;

/** One series from one source: its key, its dimension values with labels, its observations and derived figures. */
public record SeriesData(String key, List<DimensionValue> dimensions, String source, String unit,
        List<Observation> observations, Map<Derivation, List<DerivedValue>> derived) {

    public Observation at(String period) {
        return observations.stream().filter(o -> o.period().equals(period)).findFirst().orElse(null);
    }

    public DerivedValue derivedAt(Derivation derivation, String period) {
        return derived.getOrDefault(derivation, List.of()).stream().filter(d -> d.period().equals(period)).findFirst()
                .orElse(null);
    }

    public record DimensionValue(String dimension, String code, LocalizedText label) {
    }

    /** A derived figure at {@code period}, computed against {@code basePeriod} (or the total, for a share). */
    public record DerivedValue(String period, String basePeriod, BigDecimal value) {
    }
}
