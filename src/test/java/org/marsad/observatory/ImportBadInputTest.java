package org.marsad.observatory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of bad input gets a clear answer, never a failure: the file is rejected with the reason, or the rows at
 * fault are reported with their line, column and reason. Table-driven: one file per case.
 */
@MarsadIntegrationTest
class ImportBadInputTest {

    static final String HEADER = "REF_AREA,SEX,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\n";

    @Autowired
    ObservatoryFixtures fixtures;

    @Autowired
    ObservatoryApi observatory;

    /** One case: a file, a mode, and what must come of it (status, file-level reason, rejected rows as line:column:reason). */
    record Case(String name, byte[] file, ImportMode mode, ImportStatus status, String fileReason, List<String> rowErrors,
            long inserted) {

        @Override
        public String toString() {
            return name;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static Stream<Arguments> cases() {
        ImportMode strict = ImportMode.ALL_OR_NOTHING;
        ImportMode lenient = ImportMode.ACCEPT_VALID;
        return Stream.of(
                new Case("empty file", new byte[0], strict, ImportStatus.REJECTED, "observatory.import.error.empty", List.of(), 0),
                new Case("header only", utf8(HEADER), strict, ImportStatus.REJECTED, "observatory.import.error.noRows", List.of(), 0),
                new Case("UTF-8 with BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(HEADER + "MA,F,CONSULATES,2007,10\n")),
                        strict, ImportStatus.DONE, null, List.of(), 1),
                new Case("Windows-1252", (HEADER + "MA,F,CONSULATES,2007,10\nCI,F,CONSULATES,2007,10 # Côte\n").getBytes(StandardCharsets.ISO_8859_1),
                        strict, ImportStatus.REJECTED, "observatory.import.error.encoding", List.of(), 0),
                new Case("UTF-16", (HEADER + "MA,F,CONSULATES,2007,10\n").getBytes(StandardCharsets.UTF_16), strict,
                        ImportStatus.REJECTED, "observatory.import.error.utf16", List.of(), 0),
                new Case("semicolons and decimal commas", utf8("REF_AREA;SEX;DATA_SOURCE;TIME_PERIOD;OBS_VALUE\nMA;F;CONSULATES;2007;12,5\nMA;M;CONSULATES;2007;1 234,5\n"),
                        strict, ImportStatus.DONE, null, List.of(), 2),
                new Case("comma inside a number of a comma file", utf8(HEADER + "MA,F,CONSULATES,2007,\"1,5\"\n"), strict,
                        ImportStatus.REJECTED, "observatory.import.error.rowsRejected", List.of("2:OBS_VALUE:observatory.import.reason.commaInNumber"), 0),
                new Case("duplicate keys, all or nothing", utf8(HEADER + "MA,F,CONSULATES,2007,10\nMA,F,CONSULATES,2007,11\nMA,M,CONSULATES,2007,9\n"),
                        strict, ImportStatus.REJECTED, "observatory.import.error.rowsRejected",
                        List.of("2:TIME_PERIOD:observatory.import.reason.duplicate", "3:TIME_PERIOD:observatory.import.reason.duplicate"), 0),
                new Case("duplicate keys, valid rows accepted", utf8(HEADER + "MA,F,CONSULATES,2007,10\nMA,F,CONSULATES,2007,11\nMA,M,CONSULATES,2007,9\n"),
                        lenient, ImportStatus.DONE, null,
                        List.of("2:TIME_PERIOD:observatory.import.reason.duplicate", "3:TIME_PERIOD:observatory.import.reason.duplicate"), 1),
                new Case("unknown code", utf8(HEADER + "XX,F,CONSULATES,2007,10\nMA,Z,CONSULATES,2007,10\n"), strict, ImportStatus.REJECTED,
                        "observatory.import.error.rowsRejected",
                        List.of("2:REF_AREA:observatory.import.reason.unknownCode", "3:SEX:observatory.import.reason.unknownCode"), 0),
                new Case("bad period", utf8(HEADER + "MA,F,CONSULATES,2007-13,10\nMA,M,CONSULATES,,10\n"), strict, ImportStatus.REJECTED,
                        "observatory.import.error.rowsRejected",
                        List.of("2:TIME_PERIOD:observatory.import.reason.badPeriod", "3:TIME_PERIOD:observatory.import.reason.periodMissing"), 0),
                new Case("non-numeric values", utf8(HEADER + "MA,F,CONSULATES,2007,abc\nMA,M,CONSULATES,2007,\nFR,F,CONSULATES,2007,1.5\n"), lenient,
                        ImportStatus.DONE, null,
                        List.of("2:OBS_VALUE:observatory.import.reason.notANumber", "3:OBS_VALUE:observatory.import.reason.valueMissing"), 1),
                new Case("unknown source", utf8(HEADER + "MA,F,NOBODY,2007,10\n"), strict, ImportStatus.REJECTED,
                        "observatory.import.error.rowsRejected", List.of("2:DATA_SOURCE:observatory.import.reason.unknownSource"), 0),
                new Case("wrong number of fields", utf8(HEADER + "MA,F,CONSULATES,2007\n"), strict, ImportStatus.REJECTED,
                        "observatory.import.error.rowsRejected", List.of("2:null:observatory.import.reason.fieldCount"), 0),
                new Case("missing column", utf8("REF_AREA,DATA_SOURCE,TIME_PERIOD,OBS_VALUE\nMA,CONSULATES,2007,10\n"), strict,
                        ImportStatus.REJECTED, "observatory.import.error.missingColumns", List.of(), 0),
                new Case("nothing valid", utf8(HEADER + "XX,F,CONSULATES,2007,10\n"), lenient, ImportStatus.REJECTED,
                        "observatory.import.error.noValidRows", List.of("2:REF_AREA:observatory.import.reason.unknownCode"), 0),
                new Case("old Excel file", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}, strict,
                        ImportStatus.REJECTED, "observatory.import.error.oldExcel", List.of(), 0),
                new Case("a zip that is not a workbook", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0}, strict,
                        ImportStatus.REJECTED, "observatory.import.error.badXlsx", List.of(), 0),
                new Case("an XLSX sheet", xlsx(), strict, ImportStatus.DONE, null, List.of(), 2))
                .map(Arguments::of);
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("data");
            String[] header = {"REF_AREA", "SEX", "DATA_SOURCE", "TIME_PERIOD", "OBS_VALUE"};
            var first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("MA");
            row.createCell(1).setCellValue("F");
            row.createCell(2).setCellValue("CONSULATES");
            row.createCell(3).setCellValue(2007);
            row.createCell(4).setCellValue(1275567);
            var second = sheet.createRow(2);
            second.createCell(0).setCellValue("MA");
            second.createCell(1).setCellValue("M");
            second.createCell(2).setCellValue("CONSULATES");
            second.createCell(3).setCellValue("2007-Q1");
            second.createCell(4).setCellValue(8.6);
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEveryKindOfBadInputClearly(Case c) {
        String dataset = fixtures.areaBySex();
        ImportJob job = fixtures.importBytes(dataset, c.file(), c.name(), c.mode(), null);
        assertThat(job.status()).as(c.name()).isEqualTo(c.status());
        assertThat(job.errorKey()).as(c.name()).isEqualTo(c.fileReason());
        List<String> errors = fixtures.as(fixtures.steward(), () -> observatory.importErrors(job.id(), 100, 0)).stream()
                .filter(e -> !e.reason().startsWith("observatory.import.warning"))
                .map(e -> e.line() + ":" + e.column() + ":" + e.reason()).toList();
        assertThat(errors).as(c.name()).containsExactlyInAnyOrderElementsOf(c.rowErrors());
        assertThat(job.inserted()).as(c.name()).isEqualTo(c.inserted());
        long stored = observatory.data(dataset, DataQuery.all()).series().stream().mapToLong(s -> s.observations().size()).sum();
        assertThat(stored).as(c.name() + ": nothing partial").isEqualTo(c.inserted());
    }

    @Test
    void aDecimalCommaIsReadInSemicolonFiles() {
        String dataset = fixtures.areaBySex();
        fixtures.importCsv(dataset, "REF_AREA;SEX;DATA_SOURCE;TIME_PERIOD;OBS_VALUE\nMA;F;CONSULATES;2007;12,5\n", ImportMode.ALL_OR_NOTHING, null);
        assertThat(observatory.data(dataset, DataQuery.key("MA.F")).series().getFirst().at("2007").value()).isEqualByComparingTo("12.5");
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithoutBeingKept() {
        String dataset = fixtures.areaBySex();
        long limit = observatory.maxImportBytes();
        InputStream huge = new InputStream() {
            long given;

            @Override
            public int read() {
                return given++ <= limit ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (given > limit) {
                    return -1;
                }
                int n = (int) Math.min(len, limit + 1 - given + 1);
                Arrays.fill(b, off, off + n, (byte) 'x');
                given += n;
                return n;
            }
        };
        assertThatThrownBy(() -> fixtures.as(fixtures.steward(), () -> observatory.startImport(dataset, huge, "huge.csv", "text/csv",
                ImportMode.ALL_OR_NOTHING, null, true))).isInstanceOf(ImportTooLargeException.class);
        assertThat(fixtures.as(fixtures.steward(), () -> observatory.imports(dataset, 10))).isEmpty();
    }

    @Test
    void aDefaultSourceServesRowsWithoutOne() {
        String dataset = fixtures.areaBySex();
        ImportJob job = fixtures.importCsv(dataset, "REF_AREA,SEX,TIME_PERIOD,OBS_VALUE\nMA,F,2007,5\n", ImportMode.ALL_OR_NOTHING, "OECD");
        assertThat(job.status()).isEqualTo(ImportStatus.DONE);
        assertThat(observatory.data(dataset, DataQuery.all()).series().getFirst().source()).isEqualTo("OECD");
        ImportJob without = fixtures.importCsv(dataset, "REF_AREA,SEX,TIME_PERIOD,OBS_VALUE\nMA,F,2008,5\n", ImportMode.ALL_OR_NOTHING, null);
        assertThat(without.errorKey()).isEqualTo("observatory.import.error.noSource");
    }
}
