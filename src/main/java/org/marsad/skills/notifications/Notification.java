package org.marsad.skills.notifications;

import java.time.OffsetDateTime;

/** A notification as its recipient and ADMIN see it, with the state of its e-mail. */
public record Notification(
        long id,
        Long recipientId,
        String email,
        String language,
        String kind,
        String subject,
        String body,
        String link,
        NotificationState state,
        int attempts,
        OffsetDateTime nextAttemptAt,
        String lastError,
        OffsetDateTime sentAt,
        OffsetDateTime readAt,
        Long missionId,
        Long demandId,
        OffsetDateTime createdAt) {
}
