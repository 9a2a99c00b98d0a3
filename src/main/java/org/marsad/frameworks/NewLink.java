package org.marsad.frameworks;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** A crosswalk link as a COORDINATOR proposes it. A STATED link must cite the statement. */
public record NewLink(String from, String to, LinkRelation relation, LinkBasis basis, LocalizedText rationale,
        List<SourceCitation> sources) {
}
