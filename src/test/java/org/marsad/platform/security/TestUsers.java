package org.marsad.platform.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.marsad.platform.OrganisationDirectory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Test users with a role and an organisation, created through the real account service, and the ways tests act
 * as them: a MockMvc principal, a bearer token, or a password for the browser.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final OrganisationDirectory organisations;

    TestUsers(UserAccounts accounts, ApiTokens tokens, OrganisationDirectory organisations) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.organisations = organisations;
    }

    /** A new user with a unique name, the given role and (optionally) organisation code. */
    public MarsadPrincipal create(Role role, String organisationCode) {
        String username = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        Long organisation = organisationCode == null ? null
                : organisations.findByCode(organisationCode).orElseThrow().id();
        var view = accounts.createUnchecked(new UserAccounts.NewUser(username, "Test " + role, null, PASSWORD,
                EnumSet.of(role), organisation, "fr"), "test user");
        return accounts.loadUserByUsername(view.username()).withoutPassword();
    }

    public MarsadPrincipal create(Role role) {
        return create(role, null);
    }

    public MarsadPrincipal admin() {
        return accounts.loadUserByUsername("admin").withoutPassword();
    }

    /** For MockMvc: the request runs as this user. */
    public static RequestPostProcessor as(MarsadPrincipal user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A personal access token of this user. */
    public String token(MarsadPrincipal user) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            return tokens.create("test token", 1).secret();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
