package org.marsad.frameworks;

/** What a framework is. The first four are policy frameworks; the others legal instruments and agreements. */
public enum FrameworkKind {
    PARTNERSHIP(true),
    GLOBAL_COMPACT(true),
    NATIONAL_STRATEGY(true),
    ACTION_PLAN(true),
    LAW(false),
    CONVENTION(false),
    READMISSION_AGREEMENT(false),
    LABOUR_AGREEMENT(false),
    SOCIAL_SECURITY_AGREEMENT(false),
    BILATERAL_AGREEMENT(false);

    private final boolean policy;

    FrameworkKind(boolean policy) {
        this.policy = policy;
    }

    public boolean policy() {
        return policy;
    }
}
