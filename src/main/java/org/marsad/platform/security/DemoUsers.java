package org.marsad.platform.security;

import java.util.EnumSet;
import java.util.List;

import org.marsad.platform.MarsadProperties;
import org.marsad.platform.OrganisationDirectory;
import org.marsad.platform.seed.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Demo mode ({@code MARSAD_DEMO=true}): one user per role, tied to a seeded organisation where the role needs one. */
@Component
class DemoUsers implements SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record Demo(String username, String displayName, Role role, String organisationCode) {
    }

    static final List<Demo> USERS = List.of(
            new Demo("coordinator", "Coordination (démo)", Role.COORDINATOR, "MA-MDCMREAM"),
            new Demo("focal.iom", "Point focal OIM (démo)", Role.FOCAL_POINT, "IOM"),
            new Demo("focal.giz", "Point focal GIZ (démo)", Role.FOCAL_POINT, "DE-GIZ"),
            new Demo("steward", "Producteur de données HCP (démo)", Role.DATA_STEWARD, "MA-HCP"),
            new Demo("expert", "Experte de la diaspora (démo)", Role.EXPERT, null),
            new Demo("institution", "Université Mohammed V (démo)", Role.INSTITUTION, "MA-UM5"),
            new Demo("placement", "Chargé de placement ANAPEC (démo)", Role.PLACEMENT_OFFICER, "MA-ANAPEC"));

    private final MarsadProperties properties;
    private final UserAccounts accounts;
    private final ObjectProvider<OrganisationDirectory> organisations;

    DemoUsers(MarsadProperties properties, UserAccounts accounts, ObjectProvider<OrganisationDirectory> organisations) {
        this.properties = properties;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void load() {
        if (!properties.demo() || USERS.stream().allMatch(u -> accounts.exists(u.username()))) {
            return;
        }
        boolean given = StringUtils.hasText(properties.demoPassword());
        String password = given ? properties.demoPassword() : UserAccounts.generatePassword();
        for (Demo demo : USERS) {
            if (accounts.exists(demo.username())) {
                continue;
            }
            Long organisation = demo.organisationCode() == null || organisations.getIfAvailable() == null ? null
                    : organisations.getObject().findByCode(demo.organisationCode()).map(OrganisationDirectory.OrganisationRef::id)
                            .orElse(null);
            accounts.createUnchecked(new UserAccounts.NewUser(demo.username(), demo.displayName(), null, password,
                    EnumSet.of(demo.role()), organisation, "fr"), "demo user created (demo mode)");
        }
        log.warn("Demo mode: users {} created with password {}", USERS.stream().map(Demo::username).toList(),
                given ? "from MARSAD_DEMO_PASSWORD" : password);
    }
}
