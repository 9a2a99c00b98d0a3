package org.marsad.platform.security;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user, as the session and API tokens carry it. */
public record MarsadPrincipal(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        Long organisationId,
        String language,
        String passwordHash,
        boolean enabled,
        boolean locked) implements UserDetails, Serializable {

    public MarsadPrincipal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Without the password hash: what the session keeps once the user is authenticated. */
    public MarsadPrincipal withoutPassword() {
        return new MarsadPrincipal(id, username, displayName, roles, organisationId, language, "", enabled, locked);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
