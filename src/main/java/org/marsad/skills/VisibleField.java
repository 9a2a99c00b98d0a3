package org.marsad.skills;

/**
 * Profile fields an expert may choose to show institutions. What matching uses (country of residence, occupation,
 * skills, languages, experience, availability, kinds of contribution) is shown with the MATCHING consent.
 */
public enum VisibleField {
    NAME, CITY, NATIONALITIES, EDUCATION, SUMMARY, EMAIL
}
