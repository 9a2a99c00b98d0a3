package org.marsad.organisations;

/** How an alias relates to the organisation: an acronym, a partner code of the annex, a former or other name. */
public enum AliasKind {
    ACRONYM,
    ANNEX_CODE,
    FORMER_NAME,
    OTHER_NAME
}
