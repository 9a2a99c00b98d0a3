package org.marsad.initiatives;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.InitiativeDirectory;
import org.springframework.stereotype.Component;

/**
 * The initiatives as other modules (measures, indicators) see them, through the platform's {@link InitiativeDirectory}.
 * The identifier handed out is {@link org.marsad.initiatives.InitiativeRef#stableIdentifier()}; the code and the IATI
 * identifier are both accepted back. The title of an internal initiative is not given: a measure or an indicator is
 * public, and would show it to anyone.
 */
@Component
class InitiativeDirectories implements InitiativeDirectory {

    private final InitiativesApi initiatives;

    private final OrganisationsApi organisations;

    InitiativeDirectories(InitiativesApi initiatives, OrganisationsApi organisations) {
        this.initiatives = initiatives;
        this.organisations = organisations;
    }

    @Override
    public Optional<InitiativeRef> find(String identifier) {
        return initiatives.findByIdentifier(identifier).map(ref -> new InitiativeRef(ref.stableIdentifier(),
                ref.visibility() == Visibility.PUBLIC ? ref.title() : null, ref.href()));
    }

    @Override
    public Set<String> organisationCodes(String identifier) {
        return initiatives.findByIdentifier(identifier)
                .map(ref -> ref.organisationIds().stream()
                        .flatMap(id -> organisations.find(id).stream())
                        .map(Organisation::code)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
