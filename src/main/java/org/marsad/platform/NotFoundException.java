package org.marsad.platform;

/** A code or identifier that names nothing: answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object key) {
        super("No " + what + " '" + key + "'");
    }
}
