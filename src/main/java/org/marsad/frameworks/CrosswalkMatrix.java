package org.marsad.frameworks;

import java.util.List;

/**
 * Where two frameworks meet: rows are the groups of one (e.g. the Mobility Partnership's sections), columns
 * the nodes of the other (e.g. the GCM objectives); a cell counts the live links between a row's nodes and a
 * column's node.
 */
public record CrosswalkMatrix(Framework rows, Framework columns, List<NodeRef> rowNodes, List<NodeRef> columnNodes,
        List<List<Integer>> counts, int total) {

    public int count(int row, int column) {
        return counts.get(row).get(column);
    }

    public int rowTotal(int row) {
        return counts.get(row).stream().mapToInt(Integer::intValue).sum();
    }

    public int columnTotal(int column) {
        return counts.stream().mapToInt(r -> r.get(column)).sum();
    }
}
