package org.marsad.initiatives.internal;

import org.marsad.organisations.OrganisationType;

/** Where Marsad's codes meet IATI's: organisation types, and the vocabularies of Marsad's own tags. */
final class IatiCodes {

    /** Tags (vocabulary 99, "reporting organisation's own") naming the framework nodes an activity serves. */
    static final String NODE_VOCABULARY = "urn:marsad:framework-nodes";
    /** Tags naming the target groups of an activity. */
    static final String TARGET_GROUP_VOCABULARY = "urn:marsad:target-groups";
    static final String OWN_VOCABULARY = "99";

    private IatiCodes() {
    }

    /** IATI OrganisationType codelist: 10 government, 15 other public sector, 22 national NGO, 40 multilateral… */
    static String organisationType(OrganisationType type) {
        if (type == null) {
            return "90";
        }
        return switch (type) {
            case STATE -> "10";
            case COOPERATION_AGENCY, PUBLIC_INSTITUTION -> "15";
            case EU_INSTITUTION, EU_AGENCY, UN_AGENCY, INTERNATIONAL_ORGANISATION -> "40";
            case NGO -> "22";
            case EMPLOYER -> "70";
            case ACADEMIC -> "80";
        };
    }
}
