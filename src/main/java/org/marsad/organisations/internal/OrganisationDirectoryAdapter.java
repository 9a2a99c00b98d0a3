package org.marsad.organisations.internal;

import java.util.List;
import java.util.Optional;

import org.marsad.organisations.Organisation;
import org.marsad.platform.OrganisationDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the platform (users belong to an organisation) see organisations without depending on this module. */
@Component
@Transactional(readOnly = true)
class OrganisationDirectoryAdapter implements OrganisationDirectory {

    private final OrganisationRepository organisations;

    OrganisationDirectoryAdapter(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<OrganisationRef> find(long id) {
        return organisations.findById(id).map(OrganisationDirectoryAdapter::ref);
    }

    @Override
    public Optional<OrganisationRef> findByCode(String code) {
        return organisations.findByCode(code).map(OrganisationDirectoryAdapter::ref);
    }

    @Override
    public List<OrganisationRef> all() {
        return organisations.search(null, null, null, false, 10_000, 0).stream().map(OrganisationDirectoryAdapter::ref).toList();
    }

    private static OrganisationRef ref(Organisation o) {
        return new OrganisationRef(o.id(), o.code(), o.name());
    }
}
