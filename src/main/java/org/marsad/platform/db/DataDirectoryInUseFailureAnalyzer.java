package org.marsad.platform.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on a locked data directory into a short, actionable message. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Another Marsad process is already running on the data directory " + cause.dataDir().toAbsolutePath()
                        + ". Two processes on one embedded database would corrupt it, so this one did not start.",
                "Stop the other Marsad process, or give this one its own directory with MARSAD_DATA_DIR, "
                        + "or point both at a PostgreSQL server with SPRING_DATASOURCE_URL.",
                cause);
    }
}
