package org.marsad.platform.security;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account; after {@code marsad.login.max-failures} in a row the account is locked for
 * {@code marsad.login.lock-duration}, even for the right password, which stops password guessing.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;

    LoginAttempts(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username) {
            accounts.recordFailedLogin(username.trim().toLowerCase(Locale.ROOT));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof MarsadPrincipal principal) {
            accounts.recordSuccessfulLogin(principal.id());
        }
    }
}
