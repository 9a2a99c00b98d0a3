package org.marsad.measures;

import java.util.List;

import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;

/** What an evaluation or the report found about a measure, or the lesson it draws, with the passage. */
public record Finding(Kind kind, LocalizedText text, List<SourceCitation> sources) {

    public enum Kind {
        FINDING, LESSON
    }
}
