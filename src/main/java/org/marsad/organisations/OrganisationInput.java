package org.marsad.organisations;

import java.util.List;

import org.marsad.platform.LocalizedText;

/**
 * What a person (ADMIN or COORDINATOR) writes to create or change an organisation. {@code version} must be the
 * version that was read, so that two people editing at once do not overwrite each other.
 */
public record OrganisationInput(
        String code,
        OrganisationType type,
        String country,
        String parentCode,
        LocalizedText name,
        LocalizedText acronym,
        LocalizedText description,
        String iatiIdentifier,
        String website,
        List<Organisation.Alias> aliases,
        Integer version) {
}
