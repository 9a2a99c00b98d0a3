/**
 * The inventory of migrant support measures (MISMES, after the ETF's 2015 study): each measure with its migration
 * phase, ETF measure models, target groups, implementers and funders, duration, budget, beneficiaries,
 * activities, evaluation status, findings and lessons, links to framework nodes and to partner initiatives; and
 * the gap matrix of phases, models and target groups that shows where no measure exists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measures",
        allowedDependencies = {"platform", "documents", "organisations", "frameworks"})
package org.marsad.measures;
