package org.marsad.observatory.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileTest {

    private record Read(List<String> header, List<String[]> rows, List<Long> lines, CsvFile file) {
    }

    private static Read read(byte[] bytes) throws IOException {
        CsvFile file = new CsvFile(new ByteArrayInputStream(bytes));
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        file.read(new TableFile.RowHandler() {
            @Override
            public void header(List<String> names) {
                header.addAll(names);
            }

            @Override
            public void row(long line, String[] fields) {
                rows.add(fields);
                lines.add(line);
            }
        });
        return new Read(header, rows, lines, file);
    }

    private static Read read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        Read r = read("A,B,C\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n\n2,b,c\n");
        assertThat(r.header()).containsExactly("A", "B", "C");
        assertThat(r.rows().getFirst()).containsExactly("1", "x, \"y\"", "two\nlines");
        assertThat(r.lines()).containsExactly(2L, 5L);
    }

    @Test
    void takesTheSeparatorOfTheHeader() throws IOException {
        Read r = read("A;B\n1,5;2\n");
        assertThat(r.rows().getFirst()).containsExactly("1,5", "2");
        assertThat(r.file().commaIsDecimal()).isTrue();
        assertThat(read("STRUCTURE;STRUCTURE_ID\nx;y\n").file().separator()).isEqualTo(';');
        assertThat(read("A\tB\n1\t2\n").rows().getFirst()).containsExactly("1", "2");
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "A,B\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertThat(read(all).header()).containsExactly("A", "B");
    }

    @Test
    void refusesWhatIsNotUtf8WithTheLine() {
        byte[] latin1 = "A,B\n1,2\nCôte,3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).isInstanceOfSatisfying(ImportFileException.class, e -> {
            assertThat(e.key()).isEqualTo("observatory.import.error.encoding");
            assertThat(e.args()).containsExactly("3");
        });
        byte[] utf16 = "A,B\n".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> read(utf16)).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.key()).isEqualTo("observatory.import.error.utf16"));
    }

    @Test
    void saysWhenAFileIsEmptyOrAQuoteNeverCloses() {
        assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.key()).isEqualTo("observatory.import.error.empty"));
        assertThatThrownBy(() -> read("A,B\n1,\"never closed\n")).isInstanceOfSatisfying(ImportFileException.class,
                e -> assertThat(e.key()).isEqualTo("observatory.import.error.unclosedQuote"));
    }
}
