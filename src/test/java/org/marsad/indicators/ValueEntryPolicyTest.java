package org.marsad.indicators;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marsad.platform.InitiativeDirectory;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may enter values and define indicators, with initiatives known through a plain in-memory directory (the real
 * one lives in the initiatives module).
 */
class ValueEntryPolicyTest {

    /** Two initiatives: one where IOM and the EU have roles, one where only GIZ has. */
    static final class FakeDirectory implements InitiativeDirectory {

        private final Map<String, Set<String>> roles = Map.of(
                "XM-DAC-41119-MA-001", Set.of("IOM", "EU"),
                "DE-1-GIZ-042", Set.of("DE-GIZ"));

        @Override
        public Optional<InitiativeRef> find(String identifier) {
            return roles.containsKey(identifier)
                    ? Optional.of(new InitiativeRef(identifier, LocalizedText.french(identifier), "/initiatives/" + identifier))
                    : Optional.empty();
        }

        @Override
        public Set<String> organisationCodes(String identifier) {
            return roles.getOrDefault(identifier, Set.of());
        }
    }

    final ValueEntryPolicy policy = new ValueEntryPolicy(new FakeDirectory());
    final ValueEntryPolicy withoutInitiatives = new ValueEntryPolicy(null);

    static final List<String> ON_NODE = List.of("SNIA.OSP19");
    static final List<String> NONE = List.of();
    static final List<String> IOM_INITIATIVE = List.of("XM-DAC-41119-MA-001");
    static final List<String> GIZ_INITIATIVE = List.of("DE-1-GIZ-042");

    @Test
    void coordinatorsAndAdminsEnterValuesOfEveryIndicator() {
        for (Role role : List.of(Role.COORDINATOR, Role.ADMIN)) {
            assertThat(policy.mayEnterValues(user(role), null, ON_NODE, NONE).allowed()).isTrue();
            assertThat(policy.mayEnterValues(user(role), null, NONE, GIZ_INITIATIVE).allowed()).isTrue();
            assertThat(withoutInitiatives.mayEnterValues(user(role), null, NONE, GIZ_INITIATIVE).allowed()).isTrue();
        }
    }

    @Test
    void aDataStewardEntersValuesOfIndicatorsOnFrameworkNodesOnly() {
        assertThat(policy.mayEnterValues(user(Role.DATA_STEWARD), "MA-HCP", ON_NODE, NONE).allowed()).isTrue();
        assertThat(policy.mayEnterValues(user(Role.DATA_STEWARD), "MA-HCP", ON_NODE, GIZ_INITIATIVE).allowed()).isTrue();
        var refused = policy.mayEnterValues(user(Role.DATA_STEWARD), "MA-HCP", NONE, GIZ_INITIATIVE);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reasonKey()).isEqualTo("indicators.refused.nodesOnly");
    }

    @Test
    void aFocalPointEntersValuesOfItsOwnOrganisationsInitiativesOnly() {
        assertThat(policy.mayEnterValues(user(Role.FOCAL_POINT), "IOM", NONE, IOM_INITIATIVE).allowed()).isTrue();
        assertThat(policy.mayEnterValues(user(Role.FOCAL_POINT), "EU", ON_NODE, IOM_INITIATIVE).allowed()).isTrue();
        var other = policy.mayEnterValues(user(Role.FOCAL_POINT), "IOM", NONE, GIZ_INITIATIVE);
        assertThat(other.allowed()).isFalse();
        assertThat(other.reasonKey()).isEqualTo("indicators.refused.notYourInitiative");
        assertThat(policy.mayEnterValues(user(Role.FOCAL_POINT), "IOM", ON_NODE, NONE).allowed()).isFalse();
        assertThat(policy.mayEnterValues(user(Role.FOCAL_POINT), null, NONE, IOM_INITIATIVE).allowed()).isFalse();
    }

    @Test
    void withoutTheInitiativesModuleAFocalPointIsRefusedAndToldWhy() {
        var decision = withoutInitiatives.mayEnterValues(user(Role.FOCAL_POINT), "IOM", NONE, IOM_INITIATIVE);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasonKey()).isEqualTo("indicators.refused.initiativesUnavailable");
    }

    @Test
    void otherRolesAndAnonymousVisitorsEnterNothing() {
        for (Role role : List.of(Role.EXPERT, Role.INSTITUTION, Role.PLACEMENT_OFFICER)) {
            var decision = policy.mayEnterValues(user(role), "IOM", ON_NODE, IOM_INITIATIVE);
            assertThat(decision.allowed()).as(role.name()).isFalse();
            assertThat(decision.reasonKey()).isEqualTo("indicators.refused.role");
        }
        assertThat(policy.mayEnterValues(null, null, ON_NODE, NONE).reasonKey()).isEqualTo("indicators.refused.signIn");
    }

    @Test
    void aFocalPointDefinesIndicatorsOnlyForInitiativesAllOfWhichAreItsOwn() {
        assertThat(policy.mayDefine(user(Role.FOCAL_POINT), "IOM", IOM_INITIATIVE).allowed()).isTrue();
        assertThat(policy.mayDefine(user(Role.FOCAL_POINT), "IOM", List.of("XM-DAC-41119-MA-001", "DE-1-GIZ-042")).allowed()).isFalse();
        assertThat(policy.mayDefine(user(Role.FOCAL_POINT), "IOM", NONE).allowed()).isFalse();
        assertThat(policy.mayDefine(user(Role.COORDINATOR), null, NONE).allowed()).isTrue();
        assertThat(policy.mayDefine(user(Role.DATA_STEWARD), "MA-HCP", NONE).allowed()).isFalse();
        assertThat(withoutInitiatives.mayDefine(user(Role.FOCAL_POINT), "IOM", IOM_INITIATIVE).reasonKey())
                .isEqualTo("indicators.refused.initiativesUnavailable");
    }

    private static MarsadPrincipal user(Role role) {
        return new MarsadPrincipal(1, "user", "User", EnumSet.of(role), 1L, "fr", "", true, false);
    }
}
