package org.marsad.initiatives;

/** An organisation's role in an initiative; {@code asWritten} keeps the source's spelling (e.g. "OFII"). */
public record Participation(OrganisationLabel organisation, OrganisationRole role, String asWritten) {
}
