package org.marsad.skills.missions;

import java.util.Set;

/**
 * What each side can do to a mission, from which state, to which state. Anything else is refused with 409 and a
 * message saying which state the action needs.
 */
public enum MissionAction {
    CONTACT(Side.INSTITUTION, Set.of(MissionState.PROPOSED), MissionState.CONTACTED),
    ACCEPT(Side.EXPERT, Set.of(MissionState.CONTACTED), MissionState.ACCEPTED),
    DECLINE(Side.EXPERT, Set.of(MissionState.CONTACTED), MissionState.DECLINED),
    SCHEDULE(Side.INSTITUTION, Set.of(MissionState.ACCEPTED), MissionState.SCHEDULED),
    START(Side.EITHER, Set.of(MissionState.SCHEDULED), MissionState.IN_PROGRESS),
    COMPLETE(Side.INSTITUTION, Set.of(MissionState.IN_PROGRESS), MissionState.COMPLETED),
    /** Each side evaluates once; the second evaluation makes the mission EVALUATED. */
    EVALUATE(Side.EITHER, Set.of(MissionState.COMPLETED), MissionState.EVALUATED),
    CLOSE(Side.INSTITUTION, Set.of(MissionState.EVALUATED), MissionState.CLOSED),
    CANCEL(Side.INSTITUTION, Set.of(MissionState.PROPOSED, MissionState.CONTACTED, MissionState.ACCEPTED, MissionState.SCHEDULED),
            MissionState.CANCELLED);

    /** Who may take an action (ADMIN acts for an institution). */
    public enum Side {
        INSTITUTION, EXPERT, EITHER
    }

    private final Side side;
    private final Set<MissionState> from;
    private final MissionState to;

    MissionAction(Side side, Set<MissionState> from, MissionState to) {
        this.side = side;
        this.from = from;
        this.to = to;
    }

    public Side side() {
        return side;
    }

    public boolean allowedFrom(MissionState state) {
        return from.contains(state);
    }

    public MissionState to() {
        return to;
    }

    /** Whether the action needs a reason or message in its note. */
    public boolean needsNote() {
        return this == DECLINE || this == CANCEL;
    }
}
