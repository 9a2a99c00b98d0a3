/**
 * The organisation registry: states, EU institutions and agencies, UN agencies, cooperation agencies,
 * national institutions, NGOs, employers and academia, with their acronyms and aliases in several languages
 * (the annex's partner codes resolve here) and their IATI identifiers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = {"platform", "documents"})
package org.marsad.organisations;
