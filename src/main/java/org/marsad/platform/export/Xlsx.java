package org.marsad.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a table as an XLSX workbook with one sheet, streaming rows (Apache POI's SXSSF keeps a window of rows in
 * memory), so that large exports do not grow the heap. Numbers stay numbers; text is stored as text, never as
 * a formula.
 */
public final class Xlsx {

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_CELL = 32_767;

    private Xlsx() {
    }

    public static void write(OutputStream out, String sheetName, List<String> header, Iterable<List<?>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                var cell = head.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (value instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    }
                    else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    }
                    else {
                        String text = value.toString();
                        cell.setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
                    }
                }
            }
            workbook.write(out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            workbook.dispose();
            try {
                workbook.close();
            }
            catch (IOException ignored) {
                // the temporary files are already disposed of
            }
        }
    }
}
