package org.marsad.observatory;

/** Observation status, as SDMX's CL_OBS_STATUS codes: normal, estimated, provisional, forecast. */
public enum ObsStatus {
    A,
    E,
    P,
    F
}
