package org.marsad.observatory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodsTest {

    @Test
    void readsSdmxPeriodsWithTheirFirstAndLastDays() {
        assertThat(Periods.parse("2007").orElseThrow().end()).isEqualTo(LocalDate.of(2007, 12, 31));
        assertThat(Periods.parse("2007-S2").orElseThrow().start()).isEqualTo(LocalDate.of(2007, 7, 1));
        assertThat(Periods.parse("2007-Q1").orElseThrow().end()).isEqualTo(LocalDate.of(2007, 3, 31));
        assertThat(Periods.parse("2008-02").orElseThrow().end()).isEqualTo(LocalDate.of(2008, 2, 29));
        assertThat(Periods.parse("2007-03-31").orElseThrow().start()).isEqualTo(LocalDate.of(2007, 3, 31));
    }

    @Test
    void refusesWhatIsNotAPeriod() {
        for (String bad : new String[] {"", "07", "2007-13", "2007-Q5", "2007-02-30", "1799", "2101", "2007/2008", "abc", "2007-Q1-01"}) {
            assertThat(Periods.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void countsYearsBetweenPeriodStarts() {
        assertThat(Periods.yearsBetween(Periods.parse("1993").orElseThrow(), Periods.parse("2007").orElseThrow()))
                .isEqualByComparingTo(BigDecimal.valueOf(14));
        assertThat(Periods.yearsBetween(Periods.parse("2007-01").orElseThrow(), Periods.parse("2007-07").orElseThrow()))
                .isEqualByComparingTo(new BigDecimal("0.5"));
    }
}
