package org.marsad.initiatives;

/**
 * Who reads an initiative: everyone, or (internal) only COORDINATOR, ADMIN and the members of the
 * organisations that have a role in it.
 */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
