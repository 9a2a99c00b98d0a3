package org.marsad.frameworks;

/** Status of a framework or instrument, as a document reported it on a given date. */
public enum FrameworkStatus {
    ADOPTED, SIGNED, RATIFIED, IN_FORCE, NOT_RATIFIED, UNDER_NEGOTIATION, ENDED, UNKNOWN
}
