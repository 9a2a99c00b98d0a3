package org.marsad.frameworks;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** A link between nodes of two frameworks, with its rationale, basis and, once removed, who/when/why. */
public record CrosswalkLink(
        long id,
        NodeRef from,
        NodeRef to,
        LinkRelation relation,
        LinkBasis basis,
        LocalizedText rationale,
        List<SourceCitation> sources,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime removedAt,
        String removedBy,
        String removalReason) {

    public boolean live() {
        return removedAt == null;
    }

    /** The end of the link that is not {@code nodeCode}. */
    public NodeRef other(String nodeCode) {
        return from.code().equals(nodeCode) ? to : from;
    }
}
