package org.marsad.observatory;

/** What an import does with a file that has bad rows: reject it whole, or load the good rows and report the others. */
public enum ImportMode {
    ALL_OR_NOTHING,
    ACCEPT_VALID
}
