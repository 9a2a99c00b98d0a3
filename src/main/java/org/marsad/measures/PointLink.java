package org.marsad.measures;

import java.util.List;

import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.NodeRef;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/**
 * A measure's link to a framework node (a Mobility Partnership point…): STATED when a document names the measure
 * under the node (then it cites the passage), PROPOSED when Marsad relates them, with the rationale.
 */
public record PointLink(NodeRef node, LinkBasis basis, LocalizedText rationale, List<SourceCitation> sources) {
}
