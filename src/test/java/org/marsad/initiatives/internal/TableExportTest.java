package org.marsad.initiatives.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(TableExport.csvCell("=1+1")).isEqualTo("'=1+1");
        assertThat(TableExport.csvCell("+33 1 23")).isEqualTo("'+33 1 23");
        assertThat(TableExport.csvCell("-5")).isEqualTo("'-5");
        assertThat(TableExport.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableExport.csvCell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(TableExport.csvCell("Formation")).isEqualTo("Formation");
        assertThat(TableExport.csvCell(new BigDecimal("-5.50"))).as("numbers stay numbers").isEqualTo("-5.50");
    }

    @Test
    void cellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(TableExport.csvCell("UE, ES")).isEqualTo("\"UE, ES\"");
        assertThat(TableExport.csvCell("le \"Pacte\"")).isEqualTo("\"le \"\"Pacte\"\"\"");
        assertThat(TableExport.csvCell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(TableExport.csvCell(null)).isEmpty();
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndCrlfLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableExport.write(TableExport.Format.CSV, "x", List.of("point", "initiative"),
                List.of(Arrays.asList("MP2013.4", "مبادرة"), Arrays.asList("MP2013.11", null)), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFpoint,initiative\r\nMP2013.4,مبادرة\r\nMP2013.11,\r\n");
    }
}
