package org.marsad.skills.experts;

/** How to reach an expert: their account (null for synthetic experts), e-mail and language. For notifications only. */
public record ExpertContact(long expertId, Long userId, String email, String language, boolean contactConsent,
        boolean networksConsent) {
}
