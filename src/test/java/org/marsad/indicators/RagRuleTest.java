package org.marsad.indicators;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RagRuleTest {

    @Test
    void reachingTheTargetIsGreenThreeQuartersIsAmberLessIsRed() {
        assertThat(status(true, null, "100", "100", null)).isEqualTo(Rag.GREEN);
        assertThat(status(true, null, "100", "120", null)).isEqualTo(Rag.GREEN);
        assertThat(status(true, null, "100", "75", null)).isEqualTo(Rag.AMBER);
        assertThat(status(true, null, "100", "74.9", null)).isEqualTo(Rag.RED);
        // "Jeunes professionnels": about 10 placements a year against a target of 100.
        assertThat(status(true, null, "100", "10", null)).isEqualTo(Rag.RED);
    }

    @Test
    void progressIsMeasuredFromTheBaseline() {
        // From 20 % towards 60 %: 50 covers 30 of the 40 points, 75 %.
        assertThat(status(true, "20", "60", "50", null)).isEqualTo(Rag.AMBER);
        assertThat(status(true, "20", "60", "40", null)).isEqualTo(Rag.RED);
        assertThat(status(true, "20", "60", "60", null)).isEqualTo(Rag.GREEN);
    }

    @Test
    void aDescendingIndicatorIsGreenAtOrBelowItsTarget() {
        assertThat(status(false, null, "3", "3", null)).isEqualTo(Rag.GREEN);
        assertThat(status(false, null, "3", "2", null)).isEqualTo(Rag.GREEN);
        assertThat(status(false, null, "10", "12", null)).isEqualTo(Rag.AMBER);
        assertThat(status(false, null, "3", "5.5", null)).isEqualTo(Rag.RED);
        assertThat(status(false, null, "3", "0", null)).isEqualTo(Rag.GREEN);
        // From a baseline of 9 % down to a target of 3 %: 4.5 covers 75 % of the way.
        assertThat(status(false, "9", "3", "4.5", null)).isEqualTo(Rag.AMBER);
    }

    @Test
    void aRangeCountsItsLeastFavourableEnd() {
        // Ascending: the lower bound counts.
        assertThat(status(true, null, "100", "70", "110")).isEqualTo(Rag.RED);
        // Descending: the upper bound counts ("between 5.5 and 7 %" against 6 %).
        assertThat(status(false, null, "6", "5.5", "7")).isEqualTo(Rag.AMBER);
    }

    @Test
    void withoutTargetOrActualThereIsNoStatus() {
        assertThat(status(true, null, null, "20410", null)).isNull();
        assertThat(status(true, null, "2000", null, null)).isNull();
    }

    @Test
    void aQualitativeIndicatorHasTheStatusAPersonGave() {
        assertThat(RagRule.status(MeasureKind.QUALITATIVE, true, null, null, null, null, Rag.AMBER)).isEqualTo(Rag.AMBER);
        assertThat(RagRule.status(MeasureKind.QUALITATIVE, true, null, null, null, null, null)).isNull();
        // A numeric indicator ignores a given status: it is computed.
        assertThat(RagRule.status(MeasureKind.UNIT, true, null, d("10"), d("10"), null, Rag.RED)).isEqualTo(Rag.GREEN);
    }

    @Test
    void aTargetOfZeroIsMetByAnyNonNegativeValueWhenAscending() {
        assertThat(status(true, null, "0", "0", null)).isEqualTo(Rag.GREEN);
    }

    private static Rag status(boolean ascending, String baseline, String target, String actual, String upper) {
        return RagRule.status(MeasureKind.UNIT, ascending, d(baseline), d(target), d(actual), d(upper), null);
    }

    private static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
