package org.marsad.frameworks;

import java.time.LocalDate;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** What a party (an organisation code, e.g. MA) reports having done under a node, with the passage. */
public record NodeReport(String reporter, LocalDate reportedOn, LocalizedText text, LocalizedText summary,
        List<SourceCitation> sources) {
}
