package org.marsad.frameworks;

import java.util.List;

/** Everything the node page and {@code GET /api/v1/frameworks/{code}/nodes/{node}} show about one node. */
public record NodeDetail(
        Framework framework,
        FrameworkNode node,
        List<NodeRef> ancestors,
        List<FrameworkNode> children,
        List<NodeReport> reports,
        List<CrosswalkLink> links,
        List<CrosswalkLink> removedLinks) {
}
