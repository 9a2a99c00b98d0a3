package org.marsad.platform;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartialDateTest {

    @Test
    void keepsThePrecisionTheDocumentGives() {
        assertThat(PartialDate.parse("1963").value()).isEqualTo("1963");
        assertThat(PartialDate.parse("2014-12").earliest()).isEqualTo(LocalDate.of(2014, 12, 1));
        assertThat(PartialDate.parse("2013-06-07").year()).isEqualTo(2013);
    }

    @Test
    void theLastDayADateCanMeanEndsItsYearOrMonth() {
        assertThat(PartialDate.parse("2014").latest()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(PartialDate.parse("2016-02").latest()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(PartialDate.parse("2013-06-07").latest()).isEqualTo(LocalDate.of(2013, 6, 7));
    }

    @Test
    void refusesWhatIsNotADate() {
        assertThatThrownBy(() -> PartialDate.parse("2013-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("13/06/2013")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("reportedOn", "2013-13")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void blankIsNoDate() {
        assertThat(PartialDate.parse(" ")).isNull();
    }
}
