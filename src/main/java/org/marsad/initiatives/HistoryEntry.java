package org.marsad.initiatives;

import java.time.OffsetDateTime;
import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;

/** One recorded state of an initiative: who recorded it and when, from which date it holds, and what changed. */
public record HistoryEntry(int revision, String kind, PartialDate validFrom, OffsetDateTime recordedAt,
        String recordedBy, LocalizedText comment, List<FieldChange> changes) {

    /** A field's value before and after, as text. */
    public record FieldChange(String field, String before, String after) {
    }
}
