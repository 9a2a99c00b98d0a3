package org.marsad.skills.networks;

import java.time.OffsetDateTime;

/** A message to a network's members, sent through the outbox to those who consented to network announcements. */
public record Announcement(long id, String networkCode, String language, String title, String body, int recipients,
        OffsetDateTime createdAt) {
}
