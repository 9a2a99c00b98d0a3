package org.marsad.skills;

/**
 * What an expert consents to, purpose by purpose. PROFILE is needed to hold an account at all (withdrawing it means
 * deleting the account); the others can be given and withdrawn at any time.
 */
public enum ConsentPurpose {
    /** Keep my profile to run my account. */
    PROFILE,
    /** Propose my profile to institutions for their demands, showing what my visibility choices allow. */
    MATCHING,
    /** Let institutions contact me about a demand, by e-mail through Marsad. */
    CONTACT,
    /** Send me the announcements of the networks I join. */
    NETWORKS;

    /** The version of the consent texts; stored with each consent so that a later wording change is traceable. */
    public static final String TEXT_VERSION = "2025-1";
}
