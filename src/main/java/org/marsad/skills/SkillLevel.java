package org.marsad.skills;

/** How well an expert masters a skill, as they state it; higher levels count slightly more in matching. */
public enum SkillLevel {
    BASIC(0.7), INTERMEDIATE(0.85), ADVANCED(0.95), EXPERT(1.0);

    private final double factor;

    SkillLevel(double factor) {
        this.factor = factor;
    }

    public double factor() {
        return factor;
    }
}
