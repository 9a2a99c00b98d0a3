package org.marsad.observatory.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.marsad.observatory.Codelist;
import org.marsad.observatory.Dataset;
import org.marsad.observatory.Observation;
import org.marsad.observatory.ObservatoryApi;
import org.marsad.observatory.PeriodBasis;
import org.marsad.observatory.Source;
import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;

/**
 * Downloads of observations, written as they stream from the database: SDMX-CSV 2.0, a simple CSV with labels
 * (the import template's columns), and XLSX (POI's streaming workbook, a few rows in memory at a time). Text cells
 * that a spreadsheet would take for a formula (starting with = + - @) get a leading apostrophe.
 */
public final class Exports {

    public static final String SDMX_CSV_TYPE = "application/vnd.sdmx.data+csv;version=2.0.0";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> ATTRIBUTES = List.of("OBS_STATUS", "OBS_QUALIFIER", "PERIOD_BASIS", "DECIMALS");

    private Exports() {
    }

    /** Writes the rows of one download. */
    public interface DataWriter extends Closeable {
        void write(ObservatoryApi.ExportRow row) throws IOException;
    }

    public enum Format {
        SDMX_CSV("csv"),
        CSV("csv"),
        XLSX("xlsx");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public static DataWriter writer(Format format, OutputStream out, Dataset dataset, List<Codelist> codelists,
            List<Source> sources, Locale locale) throws IOException {
        return switch (format) {
            case SDMX_CSV -> new SdmxCsv(out, dataset, locale);
            case CSV -> new SimpleCsv(out, dataset, codelists, locale);
            case XLSX -> new Xlsx(out, dataset, codelists, sources, locale);
        };
    }

    /** STRUCTURE, STRUCTURE_ID, ACTION, the dimensions, DATA_SOURCE, TIME_PERIOD, OBS_VALUE, then the attributes. */
    static List<String> sdmxHeader(Dataset dataset) {
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        dataset.dimensions().forEach(d -> header.add(d.code()));
        header.addAll(List.of("DATA_SOURCE", "TIME_PERIOD", "OBS_VALUE"));
        header.addAll(ATTRIBUTES);
        if (dataset.unitIndex() < 0) {
            header.add(Dataset.UNIT_DIMENSION);
        }
        header.add("COMMENT_OBS");
        return header;
    }

    private static final class SdmxCsv implements DataWriter {

        private final Writer out;
        private final Dataset dataset;
        private final Language language;

        SdmxCsv(OutputStream stream, Dataset dataset, Locale locale) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            this.dataset = dataset;
            this.language = Language.of(locale);
            line(out, sdmxHeader(dataset), ',');
        }

        @Override
        public void write(ObservatoryApi.ExportRow row) throws IOException {
            Observation o = row.observation();
            List<String> cells = new ArrayList<>(List.of("dataflow", dataset.structureId(), "I"));
            cells.addAll(List.of(row.key().split("\\.", -1)));
            cells.addAll(List.of(row.source(), o.period(), o.value().toPlainString()));
            cells.addAll(attributes(o));
            if (dataset.unitIndex() < 0) {
                cells.add(dataset.unit());
            }
            cells.add(safe(note(o, language)));
            line(out, cells, ',');
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class SimpleCsv implements DataWriter {

        private final Writer out;
        private final List<Codelist> codelists;
        private final Language language;

        SimpleCsv(OutputStream stream, Dataset dataset, List<Codelist> codelists, Locale locale) throws IOException {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            this.codelists = codelists;
            this.language = Language.of(locale);
            // A byte-order mark so that spreadsheets open the file as UTF-8; Marsad's import accepts it.
            out.write('\uFEFF');
            line(out, simpleHeader(dataset), ',');
        }

        @Override
        public void write(ObservatoryApi.ExportRow row) throws IOException {
            line(out, simpleRow(row, codelists, language), ',');
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    static List<String> simpleHeader(Dataset dataset) {
        List<String> header = new ArrayList<>();
        dataset.dimensions().forEach(d -> header.add(d.code()));
        dataset.dimensions().forEach(d -> header.add(d.code() + "_LABEL"));
        header.addAll(List.of("DATA_SOURCE", "TIME_PERIOD", "OBS_VALUE"));
        header.addAll(ATTRIBUTES);
        header.add("COMMENT_OBS");
        return header;
    }

    static List<String> simpleRow(ObservatoryApi.ExportRow row, List<Codelist> codelists, Language language) {
        Observation o = row.observation();
        List<String> dims = List.of(row.key().split("\\.", -1));
        List<String> cells = new ArrayList<>(dims);
        for (int i = 0; i < dims.size(); i++) {
            cells.add(safe(codelists.get(i).label(dims.get(i)).resolve(language).text()));
        }
        cells.addAll(List.of(row.source(), o.period(), o.value().toPlainString()));
        cells.addAll(attributes(o));
        cells.add(safe(note(o, language)));
        return cells;
    }

    private static final class Xlsx implements DataWriter {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final Sheet sheet;
        private final List<Codelist> codelists;
        private final Language language;
        private final int valueColumn;
        private int next = 1;

        Xlsx(OutputStream out, Dataset dataset, List<Codelist> codelists, List<Source> sources, Locale locale) {
            this.out = out;
            this.codelists = codelists;
            this.language = Language.of(locale);
            List<String> header = simpleHeader(dataset);
            this.valueColumn = header.indexOf("OBS_VALUE");
            this.sheet = workbook.createSheet("data");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                first.createCell(i).setCellValue(header.get(i));
            }
            Sheet about = workbook.createSheet("sources");
            int r = 0;
            about.createRow(r++).createCell(0).setCellValue(dataset.structureId());
            about.createRow(r++).createCell(0).setCellValue(dataset.name().resolve(language).text());
            for (var citation : dataset.citations()) {
                about.createRow(r++).createCell(0).setCellValue(citation.document() + " — " + citation.locator());
            }
            for (Source s : sources) {
                Row row = about.createRow(r++);
                row.createCell(0).setCellValue(s.code());
                row.createCell(1).setCellValue(s.name().resolve(language).text());
                row.createCell(2).setCellValue(s.definition() == null ? "" : s.definition().resolve(language).text());
            }
        }

        @Override
        public void write(ObservatoryApi.ExportRow row) {
            List<String> cells = simpleRow(row, codelists, language);
            Row r = sheet.createRow(next++);
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = r.createCell(i);
                if (i == valueColumn) {
                    // A spreadsheet number is a double: fine for reading; SDMX-CSV keeps the exact decimal.
                    cell.setCellValue(row.observation().value().doubleValue());
                }
                else {
                    cell.setCellValue(cells.get(i));
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
                out.flush();
            }
            finally {
                workbook.close();
            }
        }
    }

    static List<String> attributes(Observation o) {
        return List.of(o.status().name(), o.qualifier() == null ? "" : o.qualifier().name(),
                o.periodBasis() == PeriodBasis.DOCUMENT_DATE ? PeriodBasis.DOCUMENT_DATE.name() : "",
                o.decimals() == null ? "" : o.decimals().toString());
    }

    static String note(Observation o, Language language) {
        LocalizedText note = o.note();
        return note == null ? "" : note.resolve(language).text();
    }

    /** Neutralises text a spreadsheet would evaluate as a formula. */
    public static String safe(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text == null ? "" : text;
    }

    static void line(Writer out, List<String> cells, char separator) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            out.write(quote(cells.get(i), separator));
        }
        out.write("\r\n");
    }

    static String quote(String cell, char separator) {
        if (cell == null) {
            return "";
        }
        boolean needs = cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
