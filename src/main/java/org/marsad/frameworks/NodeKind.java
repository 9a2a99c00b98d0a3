package org.marsad.frameworks;

/** Kinds of node in a framework tree. */
public enum NodeKind {
    OBJECTIVE, SECTION, POINT, PROGRAMME, SPECIFIC_OBJECTIVE, ACTION, RECOMMENDATION, ARTICLE
}
