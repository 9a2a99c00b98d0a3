package org.marsad.observatory;

/** A published figure against the recomputed one: within the published rounding, beyond it, or not computable. */
public enum CheckStatus {
    MATCH,
    MISMATCH,
    NOT_COMPUTABLE
}
