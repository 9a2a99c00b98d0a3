package org.marsad.skills.demands;

public enum PlaceMode {
    ON_SITE, REMOTE, HYBRID
}
