package org.marsad.organisations;

/** Kinds of organisation, as the documents meet them. */
public enum OrganisationType {
    STATE,
    EU_INSTITUTION,
    EU_AGENCY,
    UN_AGENCY,
    INTERNATIONAL_ORGANISATION,
    COOPERATION_AGENCY,
    PUBLIC_INSTITUTION,
    NGO,
    EMPLOYER,
    ACADEMIC
}
