package org.marsad.measures;

/** Whether a measure has been evaluated, as the source reports it. */
public enum EvaluationStatus {
    NOT_EVALUATED, ONGOING, PARTIAL, EVALUATED
}
