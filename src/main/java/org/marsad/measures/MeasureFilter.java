package org.marsad.measures;

/**
 * Filters of the inventory; null means "any". {@code organisation} matches implementers and funders; withdrawn
 * measures are left out unless {@code includeWithdrawn}.
 */
public record MeasureFilter(MigrationPhase phase, String model, String targetGroup, String organisation,
        EvaluationStatus evaluation, String node, String initiative, String q, boolean includeWithdrawn) {

    public static MeasureFilter all() {
        return new MeasureFilter(null, null, null, null, null, null, null, null, false);
    }
}
