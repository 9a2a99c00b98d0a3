package org.marsad.platform;

import java.util.List;
import java.util.Optional;

/**
 * What the platform needs to know about organisations (users belong to one) without depending on the
 * organisations module, which implements it.
 */
public interface OrganisationDirectory {

    Optional<OrganisationRef> find(long id);

    Optional<OrganisationRef> findByCode(String code);

    List<OrganisationRef> all();

    record OrganisationRef(long id, String code, LocalizedText name) {
    }
}
