/**
 * Results-based management after IATI's results model: indicators (unit, percentage or qualitative; ascending or
 * not) attached to framework nodes and/or partner initiatives, with a baseline and periods of targets and actual
 * values, optionally disaggregated by name/value pairs, and a red/amber/green status computed from target and
 * actual.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators",
        allowedDependencies = {"platform", "documents", "organisations", "frameworks"})
package org.marsad.indicators;
