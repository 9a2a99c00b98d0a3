package org.marsad.indicators;

import java.util.Optional;
import java.util.Set;

import org.marsad.platform.LocalizedText;

/**
 * What the indicators module needs to know about partner initiatives, which another module owns: whether an
 * identifier names one, how to show it, and which organisations have a role in it (a FOCAL_POINT of one of them
 * enters the values of the initiative's indicators). The initiatives module implements it; without an
 * implementation, indicators cannot be attached to initiatives (and say so), and node attachments work.
 */
public interface InitiativeDirectory {

    /**
     * The initiative named by this identifier (its IATI identifier or its Marsad identifier), if it exists.
     * {@link InitiativeRef#identifier()} is the stable identifier to store: {@code find} must accept it again.
     */
    Optional<InitiativeRef> find(String identifier);

    /** Codes of the organisations (organisations registry) that have any IATI role in the initiative; empty if unknown. */
    Set<String> organisationCodes(String identifier);

    record InitiativeRef(String identifier, LocalizedText title, String href) {
    }
}
