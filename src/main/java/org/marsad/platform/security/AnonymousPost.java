package org.marsad.platform.security;

/**
 * A path that anonymous users may POST to, such as a sign-up form, contributed by a module as a bean. Everything
 * else that writes needs a signed-in user; the module's service still validates and audits the request.
 */
public record AnonymousPost(String path) {
}
