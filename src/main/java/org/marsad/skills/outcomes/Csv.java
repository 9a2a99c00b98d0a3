package org.marsad.skills.outcomes;

import java.util.List;

/**
 * CSV (RFC 4180) that a spreadsheet cannot mistake for formulas: a cell that begins with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe, the usual defence against CSV injection.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
