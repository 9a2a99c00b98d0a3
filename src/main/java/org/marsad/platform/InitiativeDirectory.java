package org.marsad.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What other modules (measures, indicators) need to know about partner initiatives without depending on the
 * initiatives module, which implements it: whether an identifier names one, how to show it, and which organisations
 * have a role in it. Without an implementation, links to initiatives cannot be made (and say so).
 */
public interface InitiativeDirectory {

    /**
     * The initiative named by this identifier (its IATI identifier or its Marsad code), if it exists.
     * {@link InitiativeRef#identifier()} is the stable identifier to store: {@code find} accepts it again.
     */
    Optional<InitiativeRef> find(String identifier);

    /** Codes of the organisations (organisations registry) that have any IATI role in the initiative; empty if unknown. */
    Set<String> organisationCodes(String identifier);

    record InitiativeRef(String identifier, LocalizedText title, String href) {
    }

    /**
     * The identifiers to store for a record's links to initiatives, each one checked into {@code v} under
     * {@code field[i]}: blank is required; a link the record already has stays as it is, even while no module can
     * check it; an unknown one gets {@code unknownKey}; without a directory, new links get {@code unavailableKey}
     * on {@code field}.
     *
     * @param directory the directory, or null when no module provides one
     */
    static List<String> resolve(InitiativeDirectory directory, List<String> input, Collection<String> kept, Validation v,
            String field, String unknownKey, String unavailableKey) {
        List<String> identifiers = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String id = input.get(i) == null ? "" : input.get(i).strip();
            String at = field + "[" + i + "]";
            if (id.isEmpty()) {
                v.reject(at, "validation.required");
            }
            else if (kept.contains(id)) {
                identifiers.add(id);
            }
            else if (directory == null) {
                v.reject(field, unavailableKey);
            }
            else {
                directory.find(id).ifPresentOrElse(ref -> identifiers.add(ref.identifier()), () -> v.reject(at, unknownKey));
            }
        }
        return identifiers;
    }
}
