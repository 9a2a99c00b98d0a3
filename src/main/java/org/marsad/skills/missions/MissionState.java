package org.marsad.skills.missions;

/** The life of a mission, from the proposal of an expert to its closing after both sides evaluated it. */
public enum MissionState {
    PROPOSED, CONTACTED, ACCEPTED, DECLINED, SCHEDULED, IN_PROGRESS, COMPLETED, EVALUATED, CLOSED, CANCELLED;

    public boolean finished() {
        return this == DECLINED || this == CLOSED || this == CANCELLED;
    }
}
