package org.marsad.initiatives;

import org.marsad.platform.PartialDate;

/** Planned and actual start and end, as precise as known (a year, a month or a day). */
public record InitiativeDates(PartialDate plannedStart, PartialDate plannedEnd, PartialDate actualStart,
        PartialDate actualEnd) {

    public static final InitiativeDates NONE = new InitiativeDates(null, null, null, null);

    public boolean isEmpty() {
        return plannedStart == null && plannedEnd == null && actualStart == null && actualEnd == null;
    }

    /** The start to show: actual if known, else planned. */
    public PartialDate start() {
        return actualStart != null ? actualStart : plannedStart;
    }

    /** The end to show: actual if known, else planned. */
    public PartialDate end() {
        return actualEnd != null ? actualEnd : plannedEnd;
    }
}
