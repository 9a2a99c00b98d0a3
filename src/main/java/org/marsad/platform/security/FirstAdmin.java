package org.marsad.platform.security;

import java.util.EnumSet;

import org.marsad.platform.MarsadProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.marsad.platform.seed.SeedLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * On the first start with no users, creates {@code admin} with the password of {@code MARSAD_ADMIN_PASSWORD},
 * or with a generated one printed once in the log. There is never a default password.
 */
@Component
class FirstAdmin implements SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final MarsadProperties properties;

    FirstAdmin(UserAccounts accounts, MarsadProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        if (accounts.count() > 0) {
            return;
        }
        boolean given = StringUtils.hasText(properties.adminPassword());
        String password = given ? properties.adminPassword() : UserAccounts.generatePassword();
        accounts.createUnchecked(new UserAccounts.NewUser("admin", "Administrator", null, password,
                EnumSet.of(Role.ADMIN, Role.COORDINATOR), null, "fr"), "first administrator created at first start");
        if (given) {
            log.info("Created the first user 'admin' with the password from MARSAD_ADMIN_PASSWORD.");
        }
        else {
            log.warn("""

                    ==================================================================
                     Created the first user 'admin'. Its one-time password is:

                         {}

                     It is shown only now. Sign in and change it (Account > Password).
                    ==================================================================
                    """, password);
        }
    }
}
