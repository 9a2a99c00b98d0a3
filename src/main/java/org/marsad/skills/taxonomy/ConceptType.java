package org.marsad.skills.taxonomy;

/** The kinds of ESCO concept Marsad uses. */
public enum ConceptType {
    ISCO_GROUP('I'),
    OCCUPATION('O'),
    SKILL_GROUP('G'),
    SKILL('S'),
    KNOWLEDGE('K');

    private final char code;

    ConceptType(char code) {
        this.code = code;
    }

    static ConceptType of(char code) {
        for (ConceptType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown concept type " + code);
    }

    /** Skills, knowledge and skill groups: what a person knows or can do (ESCO's skills pillar). */
    public boolean isSkillPillar() {
        return this == SKILL || this == KNOWLEDGE || this == SKILL_GROUP;
    }
}
