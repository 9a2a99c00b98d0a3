package org.marsad.initiatives;

import java.util.function.Supplier;

import org.marsad.platform.security.MarsadPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs service calls as a user, as a request signed in as them would. */
public final class Acting {

    private Acting() {
    }

    public static <T> T as(MarsadPrincipal user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            if (user != null) {
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            }
            SecurityContextHolder.setContext(context);
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(MarsadPrincipal user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
