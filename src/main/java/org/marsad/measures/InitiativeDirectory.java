package org.marsad.measures;

import java.util.Optional;

import org.marsad.platform.LocalizedText;

/**
 * What the measures module needs to know about partner initiatives, which another module owns: whether an
 * identifier names one, and how to show it. The initiatives module implements it; without an implementation,
 * measures cannot be linked to initiatives (and say so), and everything else works.
 */
public interface InitiativeDirectory {

    /**
     * The initiative named by this identifier (its IATI identifier or its Marsad identifier), if it exists.
     * {@link InitiativeRef#identifier()} is the stable identifier to store: {@code find} must accept it again.
     */
    Optional<InitiativeRef> find(String identifier);

    record InitiativeRef(String identifier, LocalizedText title, String href) {
    }
}
