package org.marsad.initiatives;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.marsad.indicators.InitiativeDirectory;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * The initiatives as the measures and indicators modules see them. Those modules cannot depend on this one (it would
 * close a cycle), so each declares what it needs and this module answers. The identifier handed out is
 * {@link InitiativeRef#stableIdentifier()}; the code and the IATI identifier are both accepted back. The title of an
 * internal initiative is not given: a measure or an indicator is public, and would show it to anyone.
 */
final class InitiativeDirectories {

    private InitiativeDirectories() {
    }

    static LocalizedText publicTitle(InitiativeRef ref) {
        return ref.visibility() == Visibility.PUBLIC ? ref.title() : null;
    }

    @Component
    static class ForMeasures implements org.marsad.measures.InitiativeDirectory {

        private final InitiativesApi initiatives;

        ForMeasures(InitiativesApi initiatives) {
            this.initiatives = initiatives;
        }

        @Override
        public Optional<InitiativeRef> find(String identifier) {
            return initiatives.findByIdentifier(identifier)
                    .map(ref -> new InitiativeRef(ref.stableIdentifier(), publicTitle(ref), ref.href()));
        }
    }

    @Component
    static class ForIndicators implements InitiativeDirectory {

        private final InitiativesApi initiatives;

        private final OrganisationsApi organisations;

        ForIndicators(InitiativesApi initiatives, OrganisationsApi organisations) {
            this.initiatives = initiatives;
            this.organisations = organisations;
        }

        @Override
        public Optional<InitiativeRef> find(String identifier) {
            return initiatives.findByIdentifier(identifier)
                    .map(ref -> new InitiativeRef(ref.stableIdentifier(), publicTitle(ref), ref.href()));
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
}
