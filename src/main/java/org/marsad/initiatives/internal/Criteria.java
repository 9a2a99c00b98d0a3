package org.marsad.initiatives.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Validated filters, ready for SQL: {@code asOf} null means the current state; {@code nodes} null means any node
 * ({@code framework} may still restrict to one framework); {@code organisations} null means any organisation.
 */
public record Criteria(LocalDate asOf, String framework, List<String> nodes, List<Long> organisations, Integer role,
        Integer status, String region, String targetGroup, String q, Viewer viewer) {

    public Criteria withNodes(List<String> codes) {
        return new Criteria(asOf, framework, codes, organisations, role, status, region, targetGroup, q, viewer);
    }
}
