package org.marsad.skills;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the skills module ({@code marsad.skills.*}), each backed by an environment variable documented in the
 * README. The SMTP server itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, …).
 */
@ConfigurationProperties("marsad.skills")
public record SkillsProperties(Mail mail, Duration indexPoll, Duration reminderAfter, Duration reminderPoll, String publicUrl) {

    public SkillsProperties {
        if (mail == null) {
            mail = new Mail(null, 0, null, null, null, null);
        }
        if (indexPoll == null) {
            indexPoll = Duration.ofMillis(200);
        }
        if (reminderAfter == null) {
            reminderAfter = Duration.ofDays(7);
        }
        if (reminderPoll == null) {
            reminderPoll = Duration.ofMinutes(15);
        }
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * @param from sender address of notification e-mails
     * @param maxAttempts attempts before a notification is marked failed
     * @param retryBase wait before the second attempt; doubled at each further attempt
     * @param retryMax longest wait between attempts
     * @param poll how often the outbox is looked at (it is also sent at once after each write)
     * @param lease how long a claimed notification may stay "sending" before its outcome is declared unknown
     */
    public record Mail(String from, int maxAttempts, Duration retryBase, Duration retryMax, Duration poll, Duration lease) {

        public Mail {
            if (from == null || from.isBlank()) {
                from = "marsad@localhost";
            }
            if (maxAttempts <= 0) {
                maxAttempts = 8;
            }
            if (retryBase == null) {
                retryBase = Duration.ofSeconds(30);
            }
            if (retryMax == null) {
                retryMax = Duration.ofHours(2);
            }
            if (poll == null) {
                poll = Duration.ofSeconds(5);
            }
            if (lease == null) {
                lease = Duration.ofMinutes(5);
            }
        }

        /** The wait after a failed attempt number {@code attempts} (1 for the first): base × 2^(attempts−1), capped. */
        public Duration backoff(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts - 1, 0), 30);
            Duration wait = retryBase.multipliedBy(factor);
            return wait.compareTo(retryMax) > 0 || wait.isNegative() ? retryMax : wait;
        }
    }
}
