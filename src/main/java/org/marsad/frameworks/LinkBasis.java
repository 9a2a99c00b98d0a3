package org.marsad.frameworks;

/** Whether a document states a crosswalk link (then it cites the statement) or Marsad proposes it. */
public enum LinkBasis {
    STATED, PROPOSED
}
