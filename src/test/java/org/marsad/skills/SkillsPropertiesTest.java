package org.marsad.skills;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkillsPropertiesTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
        SkillsProperties.Mail mail = new SkillsProperties.Mail(null, 8, Duration.ofSeconds(30), Duration.ofMinutes(10), null, null);
        assertThat(mail.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(mail.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(mail.backoff(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(mail.backoff(100)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void freeTextWithMarkupIsRefusedAndPlainTextIsNot() {
        assertThat(FreeText.check(org.marsad.platform.Validation.start(), "f", "Génie des procédés < 5 ans", 100).hasErrors()).isFalse();
        assertThat(FreeText.check(org.marsad.platform.Validation.start(), "f", "<img src=x onerror=alert(1)>", 100).hasErrors()).isTrue();
        assertThat(FreeText.check(org.marsad.platform.Validation.start(), "f", "javascript:alert(1)", 100).hasErrors()).isTrue();
        assertThat(FreeText.check(org.marsad.platform.Validation.start(), "f", "x".repeat(101), 100).hasErrors()).isTrue();
    }
}
