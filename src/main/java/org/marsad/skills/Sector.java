package org.marsad.skills;

/**
 * Fields of activity of experts and demands. The first ones are those the FINCOME evaluation names for the experts
 * it mobilised (biotechnologies, nanotechnologies, telecommunications, environmental sciences, management).
 */
public enum Sector {
    BIOTECHNOLOGY,
    NANOTECHNOLOGY,
    TELECOMMUNICATIONS,
    ENVIRONMENT,
    MANAGEMENT,
    HEALTH,
    INFORMATION_TECHNOLOGY,
    ENERGY,
    AGRICULTURE,
    ENGINEERING,
    FINANCE,
    EDUCATION,
    LAW_GOVERNANCE,
    SOCIAL_SCIENCES,
    CULTURE_TOURISM
}
