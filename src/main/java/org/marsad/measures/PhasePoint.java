package org.marsad.measures;

import java.util.List;

import org.marsad.frameworks.NodeRef;
import org.marsad.platform.SourceCitation;

/** A framework node that the ETF report relates to a phase of support (chapter 4), with the measures linked to it. */
public record PhasePoint(MigrationPhase phase, NodeRef node, List<SourceCitation> sources, List<String> measures) {

    public boolean gap() {
        return measures.isEmpty();
    }
}
