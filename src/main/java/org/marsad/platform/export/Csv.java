package org.marsad.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a table as RFC 4180 CSV in UTF-8 (with a byte-order mark, so spreadsheets detect the encoding). A text
 * cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed
 * with an apostrophe: an exported record can never execute anything on the reader's machine.
 */
public final class Csv {

    private Csv() {
    }

    public static void write(OutputStream out, List<String> header, Iterable<List<?>> rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\ufeff');
            line(writer, header);
            for (List<?> row : rows) {
                line(writer, row);
            }
            writer.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Writer writer, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    /** One cell, neutralised and quoted as needed. Numbers are written as numbers. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
