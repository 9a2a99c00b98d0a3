package org.marsad.observatory.internal;

import java.io.IOException;
import java.util.List;

/** A tabular file read as a stream of rows, in constant memory: CSV (any separator) or an XLSX sheet. */
interface TableFile {

    /** Calls the handler with the header, then with each non-blank row in file order. */
    void read(RowHandler handler) throws IOException;

    /** Bytes consumed so far, or -1 when progress cannot be told in bytes. */
    long bytesRead();

    /** Whether a comma in a number is a decimal mark (not for comma-separated files). */
    boolean commaIsDecimal();

    String format();

    interface RowHandler {

        void header(List<String> names);

        /** {@code line}: where the row starts in the file (1 is the header line in CSV, the first row in XLSX). */
        void row(long line, String[] fields);
    }
}
