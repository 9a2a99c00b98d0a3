package org.marsad.frameworks;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;

/**
 * A policy framework or legal instrument. {@code complete} is false when the documents do not give its whole
 * structure; {@code gaps} then says what is missing, rather than Marsad inventing it.
 */
public record Framework(
        long id,
        String code,
        FrameworkKind kind,
        LocalizedText title,
        LocalizedText shortTitle,
        LocalizedText description,
        String binding,
        FrameworkStatus status,
        PartialDate statusReportedOn,
        Dates dates,
        List<String> parties,
        String reference,
        boolean complete,
        LocalizedText gaps,
        List<SourceCitation> sources,
        int nodeCount,
        int version) {

    public record Dates(PartialDate adopted, PartialDate signed, PartialDate ratified, PartialDate inForce) {
    }

    /** The date that best dates the instrument: signed, else adopted, else in force. */
    public PartialDate mainDate() {
        return dates.signed() != null ? dates.signed() : dates.adopted() != null ? dates.adopted() : dates.inForce();
    }

    /** The short title if there is one, else the title. */
    public LocalizedText label() {
        return shortTitle == null || shortTitle.isEmpty() ? title : shortTitle;
    }
}
