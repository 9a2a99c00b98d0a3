/**
 * Partner initiatives modelled on IATI 2.03 activities (organisations with roles, status, dates, budgets,
 * transactions, regions, target groups), linked to the framework nodes they serve, with a full dated history;
 * the scoreboards and gaps computed from them; IATI XML export and import.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Initiatives",
        allowedDependencies = {"platform", "documents", "organisations", "frameworks", "indicators"})
package org.marsad.initiatives;
