package org.marsad.skills.demands;

/** A demand is written as a draft, published to be matched, and closed (with who, when and why). */
public enum DemandStatus {
    DRAFT, PUBLISHED, CLOSED
}
