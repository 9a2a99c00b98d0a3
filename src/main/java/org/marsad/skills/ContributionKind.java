package org.marsad.skills;

/** What an expert offers and what a demand asks for. */
public enum ContributionKind {
    /** An expertise mission of two weeks to three months. */
    EXPERTISE_MISSION,
    TEACHING,
    RESEARCH_PARTNERSHIP,
    PROJECT,
    ENTREPRENEURSHIP_INVESTMENT,
    JOB_OR_RETURN
}
