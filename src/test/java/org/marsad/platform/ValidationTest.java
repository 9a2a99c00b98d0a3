package org.marsad.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ValidationTest {

    @Test
    void everyProblemIsReportedTogetherWithItsField() {
        Validation v = Validation.start();
        assertThat(v.partialDate("start", "2015-03")).isEqualTo(PartialDate.parse("start", "2015-03"));
        assertThat(v.partialDate("end", "31/03/2015")).isNull();
        assertThat(v.partialDate("other", null)).isNull();
        v.atMost("items", 3, 3).atMost("sources", 4, 3);

        assertThatThrownBy(v::throwIfInvalid).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(InvalidInputException.FieldError::field,
                        InvalidInputException.FieldError::messageKey)
                        .containsExactly(tuple("end", "validation.partialDate"), tuple("sources", "validation.tooMany")));
    }
}
