package org.marsad.initiatives;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * A link from an initiative to a framework node (a point of the partnership, a GCM objective, an SNIA programme),
 * valid from a date; a removed link keeps its end date and who removed it, when and why.
 */
public record NodeLink(long id, String nodeCode, String frameworkCode, LocalizedText nodeTitle, PartialDate validFrom,
        PartialDate validTo, LocalizedText rationale, List<SourceCitation> sources, String createdBy,
        OffsetDateTime createdAt, String removedBy, OffsetDateTime removedAt, String removalReason) {

    public boolean live() {
        return removedAt == null;
    }

    public String href() {
        return "/frameworks/" + frameworkCode + "/nodes/" + nodeCode;
    }
}
