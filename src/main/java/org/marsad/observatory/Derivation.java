package org.marsad.observatory;

import java.util.Locale;
import java.util.Optional;

/**
 * Figures derived at query time from stored values, each between an observation and the previous observation of the
 * same series and source (V₀ at period t₀, V₁ at t₁, years = t₁ − t₀), except the share, which divides by the
 * series whose code is the total in one dimension, same source and period.
 */
public enum Derivation {
    /** V / V(total) × 100. */
    SHARE("V / V(total) × 100"),
    /** V₁ − V₀. */
    CHANGE("V₁ − V₀"),
    /** (V₁ − V₀) / V₀ × 100. */
    PCT_CHANGE("(V₁ − V₀) / V₀ × 100"),
    /** Average annual growth, linear: (V₁ − V₀) / V₀ / years × 100, the method of the CARIM tables. */
    GROWTH_LINEAR("(V₁ − V₀) / V₀ / years × 100"),
    /** Average annual growth, compound: ((V₁ / V₀)^(1 / years) − 1) × 100. */
    CAGR("((V₁ / V₀)^(1/years) − 1) × 100");

    private final String formula;

    Derivation(String formula) {
        this.formula = formula;
    }

    public String formula() {
        return formula;
    }

    /** The query parameter form: share, change, pct_change, growth_linear, cagr. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Derivation> fromParameter(String value) {
        for (Derivation d : values()) {
            if (d.parameter().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
