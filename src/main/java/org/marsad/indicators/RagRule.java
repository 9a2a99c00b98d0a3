package org.marsad.indicators;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How Marsad computes the red/amber/green status of a period from its target and actual value.
 * <ul>
 * <li>Only a period with both a target and an actual value has a computed status; qualitative indicators have
 * the status a person gave, or none.</li>
 * <li>Progress is the share of the way from the baseline to the target that the actual value covers:
 * {@code (actual − baseline) / (target − baseline)}. Without a baseline (or when it equals the target), progress
 * is {@code actual / target} for an ascending indicator and {@code target / actual} for a descending one (an
 * actual of zero meets any descending target).</li>
 * <li>When the source gives a range, the least favourable end counts: the lower bound for an ascending
 * indicator, the upper bound for a descending one.</li>
 * <li>GREEN when progress is at least 100 %, AMBER from 75 %, RED below.</li>
 * </ul>
 */
public final class RagRule {

    public static final BigDecimal GREEN_FROM = BigDecimal.ONE;
    public static final BigDecimal AMBER_FROM = new BigDecimal("0.75");

    private RagRule() {
    }

    public static Rag status(MeasureKind kind, boolean ascending, BigDecimal baseline, BigDecimal target,
            BigDecimal actual, BigDecimal actualUpper, Rag given) {
        if (kind == MeasureKind.QUALITATIVE) {
            return given;
        }
        if (target == null || actual == null) {
            return null;
        }
        BigDecimal value = !ascending && actualUpper != null ? actualUpper : actual;
        BigDecimal progress = progress(ascending, baseline, target, value);
        if (progress.compareTo(GREEN_FROM) >= 0) {
            return Rag.GREEN;
        }
        return progress.compareTo(AMBER_FROM) >= 0 ? Rag.AMBER : Rag.RED;
    }

    static BigDecimal progress(boolean ascending, BigDecimal baseline, BigDecimal target, BigDecimal value) {
        MathContext mc = MathContext.DECIMAL64;
        if (baseline != null && baseline.compareTo(target) != 0) {
            return value.subtract(baseline).divide(target.subtract(baseline), mc);
        }
        if (ascending) {
            return target.signum() == 0 ? (value.signum() >= 0 ? BigDecimal.ONE : BigDecimal.ZERO) : value.divide(target, mc);
        }
        if (value.signum() == 0) {
            return BigDecimal.ONE;
        }
        return target.divide(value, mc);
    }
}
