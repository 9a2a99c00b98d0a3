package org.marsad.frameworks;

/** How two linked nodes relate: they concern the same ground, or one helps carry out the other. */
public enum LinkRelation {
    RELATED, CONTRIBUTES_TO
}
