package org.marsad.indicators;

/** What an indicator measures, as IATI's indicator/@measure: a count in some unit, a percentage, or a judgement. */
public enum MeasureKind {
    UNIT, PERCENTAGE, QUALITATIVE;

    public boolean numeric() {
        return this != QUALITATIVE;
    }
}
