package org.marsad.platform.db;

import java.nio.file.Path;

/** Thrown when another Marsad process already holds the data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir) {
        super("Another Marsad process is already using the data directory " + dataDir.toAbsolutePath());
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
