package org.marsad.measures;

import java.util.List;

/**
 * Where the inventory has measures and where it has none. {@code cells} is the phase × model table for the chosen
 * target group (all groups when none), {@code groupCells} the phase × target group table, {@code cube} every
 * phase × model × target group combination with its count (zero counts are the empty cells). A cell is a
 * {@code gap} when it is empty and its model's name places it in that phase.
 */
public record GapMatrix(
        List<MigrationPhase> phases,
        List<MeasureModel> models,
        List<TargetGroup> targetGroups,
        String targetGroup,
        int measureCount,
        List<Cell> cells,
        List<GroupCell> groupCells,
        List<CubeCell> cube,
        List<String> modelsWithoutMeasure,
        List<MigrationPhase> phasesWithoutMeasure,
        List<String> targetGroupsWithoutMeasure,
        List<PhasePoint> points) {

    public Cell cell(MigrationPhase phase, String model) {
        return cells.stream().filter(c -> c.phase() == phase && c.model().equals(model)).findFirst().orElseThrow();
    }

    public GroupCell groupCell(MigrationPhase phase, String group) {
        return groupCells.stream().filter(c -> c.phase() == phase && c.targetGroup().equals(group)).findFirst().orElseThrow();
    }

    public long gapCount() {
        return cells.stream().filter(Cell::gap).count();
    }

    public record Cell(MigrationPhase phase, String model, int count, List<String> measures, boolean expected) {

        public boolean gap() {
            return count == 0 && expected;
        }
    }

    public record GroupCell(MigrationPhase phase, String targetGroup, int count, List<String> measures) {
    }

    public record CubeCell(MigrationPhase phase, String model, String targetGroup, int count) {
    }
}
