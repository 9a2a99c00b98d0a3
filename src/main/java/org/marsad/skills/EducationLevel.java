package org.marsad.skills;

/** Highest level of education completed, by ISCED 2011 level (3, 5, 6, 7, 8). */
public enum EducationLevel {
    SECONDARY, SHORT_CYCLE, BACHELOR, MASTER, DOCTORATE;

    public boolean atLeast(EducationLevel minimum) {
        return ordinal() >= minimum.ordinal();
    }
}
