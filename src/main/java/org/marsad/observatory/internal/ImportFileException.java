package org.marsad.observatory.internal;

import java.util.Arrays;
import java.util.List;

/** A problem with the file as a whole (encoding, format, header): the import is rejected with this reason. */
public class ImportFileException extends RuntimeException {

    private final String key;
    private final List<String> args;

    public ImportFileException(String key, Object... args) {
        super(key + " " + Arrays.toString(args));
        this.key = key;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
