package org.marsad.frameworks;

import java.util.List;

/** A node with its children, for the framework browser and {@code GET /api/v1/frameworks/{code}}. */
public record TreeNode(FrameworkNode node, int linkCount, List<TreeNode> children) {
}
