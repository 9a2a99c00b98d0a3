package org.marsad.observatory;

/** What a source is: an organisation of the registry, a body named without being one organisation, a publication. */
public enum SourceKind {
    ORGANISATION,
    BODY,
    PUBLICATION
}
