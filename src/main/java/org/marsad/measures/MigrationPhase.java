package org.marsad.measures;

/** When in the migration cycle a measure supports migrants (the ETF's phases; CROSS_PHASE is "multidimensional"). */
public enum MigrationPhase {
    PRE_DEPARTURE, DURING, RETURN, CROSS_PHASE
}
