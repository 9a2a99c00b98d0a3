package org.marsad.observatory;

/** Where an import stands. REJECTED: the file or its rows failed validation and nothing was written. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    REJECTED,
    FAILED;

    public boolean finished() {
        return this == DONE || this == REJECTED || this == FAILED;
    }
}
