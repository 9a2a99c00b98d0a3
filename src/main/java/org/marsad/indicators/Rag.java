package org.marsad.indicators;

/** Red/amber/green status of a period (see {@link RagRule}). */
public enum Rag {
    GREEN, AMBER, RED
}
