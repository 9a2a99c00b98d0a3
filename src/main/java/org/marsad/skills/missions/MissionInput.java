package org.marsad.skills.missions;

/**
 * What an action may carry: a message or reason ({@code note}), dates for SCHEDULE (ISO text), ratings for EVALUATE.
 */
public record MissionInput(String note, String startDate, String endDate, Integer overall, Integer objectives,
        Integer cooperation, Boolean wouldRepeat, String comment) {

    public static MissionInput none() {
        return new MissionInput(null, null, null, null, null, null, null, null);
    }

    public static MissionInput note(String note) {
        return new MissionInput(note, null, null, null, null, null, null, null);
    }
}
