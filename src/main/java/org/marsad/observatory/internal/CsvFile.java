package org.marsad.observatory.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RFC 4180 CSV read as a stream. UTF-8 with or without a byte-order mark; UTF-16 and bytes that are not UTF-8
 * (a file saved as Windows-1252, say) are refused with the line where they occur. The separator (comma,
 * semicolon or tab) is the one the header line uses; quoted fields may hold separators, quotes and line breaks.
 */
final class CsvFile implements TableFile {

    static final int MAX_FIELD = 100_000;
    private static final int BUFFER = 1 << 16;

    private final Counting in;
    private char separator = ',';
    private long line = 1;

    CsvFile(InputStream in) {
        this.in = new Counting(in);
    }

    @Override
    public long bytesRead() {
        return in.count;
    }

    @Override
    public boolean commaIsDecimal() {
        return separator != ',';
    }

    @Override
    public String format() {
        return "CSV";
    }

    char separator() {
        return separator;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            throw new ImportFileException("observatory.import.error.utf16");
        }
        boolean bom = head.length == 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        if (!bom) {
            pushback.unread(head);
        }
        Reader reader = new Utf8Reader(pushback);
        try {
            parse(reader, handler);
        }
        catch (CharacterCodingException e) {
            throw new ImportFileException("observatory.import.error.encoding", line);
        }
    }

    private void parse(Reader reader, RowHandler handler) throws IOException {
        char[] buf = new char[BUFFER];
        int len = fill(reader, buf, 0);
        if (len == 0 || new String(buf, 0, len).isBlank()) {
            throw new ImportFileException("observatory.import.error.empty");
        }
        separator = detectSeparator(buf, len);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean header = true;
        int pos = 0;
        while (true) {
            long recordLine = line;
            fields.clear();
            field.setLength(0);
            boolean quoted = false;
            boolean inQuotes = false;
            boolean endOfRecord = false;
            boolean sawAny = false;
            while (!endOfRecord) {
                if (pos >= len) {
                    len = fill(reader, buf, 0);
                    pos = 0;
                    if (len <= 0) {
                        if (inQuotes) {
                            throw new ImportFileException("observatory.import.error.unclosedQuote", recordLine);
                        }
                        if (!sawAny) {
                            return;
                        }
                        fields.add(field.toString());
                        emit(handler, header, recordLine, fields);
                        return;
                    }
                }
                char c = buf[pos++];
                sawAny = true;
                if (inQuotes) {
                    if (c == '"') {
                        if (pos >= len) {
                            len = fill(reader, buf, 0);
                            pos = 0;
                        }
                        if (len > 0 && pos < len && buf[pos] == '"') {
                            field.append('"');
                            pos++;
                        }
                        else {
                            inQuotes = false;
                        }
                    }
                    else {
                        if (c == '\n') {
                            line++;
                        }
                        if (field.length() >= MAX_FIELD) {
                            throw new ImportFileException("observatory.import.error.unclosedQuote", recordLine);
                        }
                        field.append(c);
                    }
                }
                else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoted = false;
                }
                else if (c == '\n') {
                    line++;
                    endOfRecord = true;
                }
                else if (c == '\r') {
                    // CRLF: the LF ends the record; a lone CR is dropped.
                }
                else if (c == '"' && field.isEmpty() && !quoted) {
                    inQuotes = true;
                    quoted = true;
                }
                else {
                    // A run of ordinary characters is appended at once.
                    int start = pos - 1;
                    while (pos < len) {
                        char d = buf[pos];
                        if (d == separator || d == '\n' || d == '\r' || d == '"') {
                            break;
                        }
                        pos++;
                    }
                    if (field.length() + pos - start > MAX_FIELD) {
                        throw new ImportFileException("observatory.import.error.fieldTooLong", recordLine);
                    }
                    field.append(buf, start, pos - start);
                }
            }
            fields.add(field.toString());
            if (emit(handler, header, recordLine, fields)) {
                header = false;
            }
        }
    }

    /** Passes a record on; blank lines are skipped. Returns whether something was emitted. */
    private static boolean emit(RowHandler handler, boolean header, long line, List<String> fields) {
        if (fields.size() == 1 && fields.getFirst().isBlank()) {
            return false;
        }
        if (header) {
            handler.header(List.copyOf(fields));
        }
        else {
            handler.row(line, fields.toArray(String[]::new));
        }
        return true;
    }

    /** The separator the header line uses most, outside quotes; SDMX-CSV names it right after "STRUCTURE". */
    static char detectSeparator(char[] buf, int len) {
        int end = 0;
        while (end < len && buf[end] != '\n') {
            end++;
        }
        String first = new String(buf, 0, end);
        String trimmed = first.startsWith("\"") ? first.substring(1) : first;
        if (trimmed.toUpperCase(Locale.ROOT).startsWith("STRUCTURE")) {
            int i = "STRUCTURE".length();
            if (i < trimmed.length() && trimmed.charAt(i) == '[') {
                int close = trimmed.indexOf(']', i);
                i = close < 0 ? i : close + 1;
            }
            if (i < trimmed.length() && trimmed.charAt(i) == '"') {
                i++;
            }
            if (i < trimmed.length() && ";,\t".indexOf(trimmed.charAt(i)) >= 0) {
                return trimmed.charAt(i);
            }
        }
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quotes = false;
        for (char c : first.toCharArray()) {
            if (c == '"') {
                quotes = !quotes;
            }
            else if (!quotes) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static int fill(Reader reader, char[] buf, int from) throws IOException {
        int n = reader.read(buf, from, buf.length - from);
        return n < 0 ? 0 : n;
    }

    private static final class Counting extends FilterInputStream {

        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
