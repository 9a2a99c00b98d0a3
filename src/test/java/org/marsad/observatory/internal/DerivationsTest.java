package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;
import org.marsad.observatory.Derivation;
import org.marsad.observatory.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

class DerivationsTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void linearGrowthIsTheCarimMethod() {
        // Moroccans in Spain, consulates: 65,847 (1993) → 547,000 (2007), published 52.2 % a year.
        BigDecimal growth = Derivations.compute(Derivation.GROWTH_LINEAR, d("65847"), d("547000"), d("14"));
        assertThat(Derivations.round(growth, 1)).isEqualByComparingTo("52.2");
    }

    @Test
    void compoundGrowthShareAndChanges() {
        assertThat(Derivations.compute(Derivation.CAGR, d("100"), d("121"), d("2"))).isEqualByComparingTo("10");
        assertThat(Derivations.compute(Derivation.SHARE, d("3292599"), d("1131000"), null).setScale(1, RoundingMode.HALF_UP))
                .isEqualByComparingTo("34.3");
        assertThat(Derivations.compute(Derivation.PCT_CHANGE, d("3025"), d("2675"), null).setScale(1, RoundingMode.HALF_UP))
                .isEqualByComparingTo("-11.6");
        assertThat(Derivations.compute(Derivation.CHANGE, d("3025"), d("2675"), null)).isEqualByComparingTo("-350");
    }

    @Test
    void undefinedFiguresAreNull() {
        assertThat(Derivations.compute(Derivation.PCT_CHANGE, BigDecimal.ZERO, d("5"), null)).isNull();
        assertThat(Derivations.compute(Derivation.CAGR, d("-1"), d("5"), d("3"))).isNull();
        assertThat(Derivations.compute(Derivation.GROWTH_LINEAR, d("1"), d("5"), BigDecimal.ZERO)).isNull();
    }

    @Test
    void agreementIsJudgedAtThePublishedRounding() {
        assertThat(Derivations.agrees(d("52.2"), 1, null, d("52.19383"))).isTrue();
        assertThat(Derivations.agrees(d("52.2"), 1, null, d("52.26"))).isFalse();
        assertThat(Derivations.agrees(d("3"), 0, null, d("3.037"))).isTrue();
        assertThat(Derivations.agrees(d("56"), 0, Qualifier.AT_LEAST, d("70"))).isTrue();
        assertThat(Derivations.agrees(d("56"), 0, Qualifier.AT_LEAST, d("40"))).isFalse();
    }
}
