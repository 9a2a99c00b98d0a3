package org.marsad.observatory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming (SAX) reader so that a large sheet never sits in
 * memory. Numbers come as written in the cell (not as displayed), dates as ISO dates.
 */
final class XlsxFile implements TableFile {

    private final Path file;

    XlsxFile(Path file) {
        this.file = file;
    }

    @Override
    public long bytesRead() {
        return -1;
    }

    @Override
    public boolean commaIsDecimal() {
        return true;
    }

    @Override
    public String format() {
        return "XLSX";
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFileException("observatory.import.error.noSheet");
            }
            Rows rows = new Rows(handler);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows, new RawFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
            if (!rows.headerSeen) {
                throw new ImportFileException("observatory.import.error.empty");
            }
        }
        catch (OpenXML4JException | SAXException | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
            throw new ImportFileException("observatory.import.error.badXlsx");
        }
        catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects a row's cells by column and hands over each finished row. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();
        private boolean headerSeen;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            String[] fields = cells.stream().map(c -> c == null ? "" : c).toArray(String[]::new);
            if (!headerSeen) {
                headerSeen = true;
                handler.header(List.of(fields));
            }
            else {
                handler.row(rowNum + 1L, fields);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }
    }

    /** Gives a number's value rather than its display format (1275567, not "1,275,567"), and dates as ISO. */
    private static final class RawFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing);
                return date.toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
