package org.marsad.observatory;

/** A file larger than the import limit: nothing was kept. Answered with 413. */
public class ImportTooLargeException extends RuntimeException {

    private final long maxMegabytes;

    public ImportTooLargeException(long maxBytes) {
        super("file larger than " + maxBytes + " bytes");
        this.maxMegabytes = maxBytes / (1024 * 1024);
    }

    public long maxMegabytes() {
        return maxMegabytes;
    }
}
