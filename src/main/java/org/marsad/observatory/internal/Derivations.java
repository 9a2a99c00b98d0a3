package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.marsad.observatory.Derivation;
import org.marsad.observatory.Qualifier;

/**
 * The formulas of derived figures (see {@link Derivation}), on exact decimals except the compound rate, whose
 * fractional root is taken in double precision. Results keep {@link #SCALE} decimals.
 */
public final class Derivations {

    public static final int SCALE = 6;
    private static final MathContext CONTEXT = new MathContext(30, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Derivations() {
    }

    /** The figure from V₀ (at the base period, or the total for a share) to V₁ over {@code years}; null if undefined. */
    public static BigDecimal compute(Derivation kind, BigDecimal v0, BigDecimal v1, BigDecimal years) {
        if (v0 == null || v1 == null) {
            return null;
        }
        BigDecimal result = switch (kind) {
            case SHARE -> v0.signum() == 0 ? null : v1.divide(v0, CONTEXT).multiply(HUNDRED);
            case CHANGE -> v1.subtract(v0);
            case PCT_CHANGE -> v0.signum() == 0 ? null : v1.subtract(v0).divide(v0, CONTEXT).multiply(HUNDRED);
            case GROWTH_LINEAR -> v0.signum() == 0 || years == null || years.signum() <= 0 ? null
                    : v1.subtract(v0).divide(v0, CONTEXT).divide(years, CONTEXT).multiply(HUNDRED);
            case CAGR -> v0.signum() <= 0 || v1.signum() < 0 || years == null || years.signum() <= 0 ? null
                    : BigDecimal.valueOf((Math.pow(v1.divide(v0, CONTEXT).doubleValue(), 1.0 / years.doubleValue()) - 1) * 100);
        };
        return result == null ? null : result.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Whether a recomputed figure agrees with the published one at the published rounding: within half a unit of
     * the last published decimal, or, for "at least" and "more than", not below it (and "at most", "less than",
     * not above it).
     */
    public static boolean agrees(BigDecimal published, int decimals, Qualifier qualifier, BigDecimal recomputed) {
        BigDecimal half = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));
        if (qualifier == Qualifier.AT_LEAST || qualifier == Qualifier.MORE_THAN) {
            return recomputed.compareTo(published.subtract(half)) >= 0;
        }
        if (qualifier == Qualifier.AT_MOST || qualifier == Qualifier.LESS_THAN) {
            return recomputed.compareTo(published.add(half)) <= 0;
        }
        return recomputed.subtract(published).abs().compareTo(half) <= 0;
    }

    public static BigDecimal round(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
