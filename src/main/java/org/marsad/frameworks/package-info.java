/**
 * Policy frameworks and legal instruments as trees of nodes (section, programme, objective, point, action),
 * with their binding status and dates, what parties report under them, and the crosswalk between nodes of
 * different frameworks (Mobility Partnership, SNIA, Global Compact…).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Frameworks",
        allowedDependencies = {"platform", "documents", "organisations"})
package org.marsad.frameworks;
