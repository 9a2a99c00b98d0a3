package org.marsad.initiatives;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.marsad.platform.LocalizedText;

/**
 * What importing an IATI activities file changes (or changed, once {@code appliedAt} is set): one entry per
 * activity, created, updated or unchanged, with the fields that change and notes on what Marsad could not keep
 * as it is (unknown codes, missing currencies…). Nothing changes until the preview is applied.
 */
public record IatiImportPreview(UUID id, String fileName, OffsetDateTime uploadedAt, String uploadedBy, int creates,
        int updates, int unchanged, List<Activity> activities, OffsetDateTime appliedAt, String appliedBy) {

    public boolean applied() {
        return appliedAt != null;
    }

    public enum Action {
        CREATE, UPDATE, UNCHANGED
    }

    /** One activity of the file: its line, identifier, what happens to it and why. */
    public record Activity(int index, int line, String identifier, Action action, Long initiativeId,
            LocalizedText title, List<HistoryEntry.FieldChange> changes, List<Note> notes) {
    }

    /** A note on the file, as a message key with its arguments (the line first). */
    public record Note(int line, String key, List<String> args) {
    }
}
