/**
 * Diaspora skills mobilisation: the ESCO taxonomy, expert profiles with consent, institutions' demands, explainable
 * matching, notifications through an outbox, missions followed to their evaluation, networks and outcome statistics.
 * Institutions are organisations of the registry; a demand belongs to the organisation of the user who posts it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills", allowedDependencies = {"platform", "documents", "organisations"})
package org.marsad.skills;
