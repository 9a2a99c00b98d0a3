package org.marsad.observatory;

/**
 * Where an observation's period comes from: stated by the document, or, for a figure the document gives without a
 * year ("actuellement", "plus de trois millions"), the date of the document itself.
 */
public enum PeriodBasis {
    STATED,
    DOCUMENT_DATE
}
