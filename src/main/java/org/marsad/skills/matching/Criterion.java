package org.marsad.skills.matching;

/**
 * The criteria a match score adds up, with the most points each can give (100 in all). Skills weigh most; skills
 * covered only through ESCO's relations and hierarchy give part of their points.
 */
public enum Criterion {
    ESSENTIAL_SKILLS(40),
    OPTIONAL_SKILLS(15),
    OCCUPATION(15),
    LANGUAGES(10),
    EXPERIENCE(8),
    EDUCATION(4),
    AVAILABILITY(4),
    CONTRIBUTION(4);

    private final int maxPoints;

    Criterion(int maxPoints) {
        this.maxPoints = maxPoints;
    }

    public int maxPoints() {
        return maxPoints;
    }
}
