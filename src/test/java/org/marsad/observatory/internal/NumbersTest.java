package org.marsad.observatory.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void readsPointsCommasAndSpacesAsPeopleWriteThem() {
        assertThat(Numbers.parse("1234.5", false).value()).isEqualByComparingTo("1234.5");
        assertThat(Numbers.parse("1 234,5", true).value()).isEqualByComparingTo("1234.5");
        assertThat(Numbers.parse("1\u202F275\u202F567", true).value()).isEqualByComparingTo("1275567");
        assertThat(Numbers.parse("-11.6", false).value()).isEqualByComparingTo("-11.6");
        assertThat(Numbers.parse("12.5", true).value()).isEqualByComparingTo("12.5");
    }

    @Test
    void keepsThePublishedScale() {
        assertThat(Numbers.parse("45.0", false).value()).isEqualTo(new BigDecimal("45.0"));
    }

    @Test
    void explainsWhatIsNotANumber() {
        assertThat(Numbers.parse("abc", false).reason()).isEqualTo("observatory.import.reason.notANumber");
        assertThat(Numbers.parse("", false).reason()).isEqualTo("observatory.import.reason.valueMissing");
        assertThat(Numbers.parse("1,234.5", true).reason()).isEqualTo("observatory.import.reason.ambiguousNumber");
        assertThat(Numbers.parse("1,5", false).reason()).isEqualTo("observatory.import.reason.commaInNumber");
        assertThat(Numbers.parse("1e5", false).reason()).isEqualTo("observatory.import.reason.notANumber");
        assertThat(Numbers.parse("1" + "0".repeat(30), false).reason()).isEqualTo("observatory.import.reason.numberOutOfRange");
    }
}
