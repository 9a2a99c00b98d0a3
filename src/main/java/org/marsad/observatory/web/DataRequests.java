package org.marsad.observatory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marsad.observatory.DataQuery;
import org.marsad.observatory.Dataset;
import org.marsad.observatory.DatasetDetail;
import org.marsad.observatory.Derivation;
import org.marsad.observatory.ObservatoryApi;
import org.marsad.observatory.internal.Exports;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Validation;
import org.springframework.http.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** Query parameters of data requests, read the same way by the pages and the API, and downloads. */
@Component
class DataRequests {

    private final ObservatoryApi observatory;

    DataRequests(ObservatoryApi observatory) {
        this.observatory = observatory;
    }

    DataQuery query(String key, List<String> sources, String start, String end, String asOf, String derive, String shareBy,
            String groupBy) {
        Validation v = Validation.start();
        Set<Derivation> derivations = EnumSet.noneOf(Derivation.class);
        if (derive != null) {
            for (String d : derive.split(",")) {
                if (!d.isBlank()) {
                    Derivation.fromParameter(d).ifPresentOrElse(derivations::add,
                            () -> v.reject("derive", "observatory.query.derive", d.strip()));
                }
            }
        }
        OffsetDateTime at = null;
        if (asOf != null && !asOf.isBlank()) {
            at = parseInstant(asOf.strip());
            if (at == null) {
                v.reject("asOf", "observatory.query.asOf");
            }
        }
        v.throwIfInvalid();
        List<String> group = new ArrayList<>();
        if (groupBy != null) {
            for (String g : groupBy.split(",")) {
                if (!g.isBlank()) {
                    group.add(g.strip());
                }
            }
        }
        List<String> sourceList = new ArrayList<>();
        if (sources != null) {
            sources.stream().filter(s -> s != null && !s.isBlank()).forEach(sourceList::add);
        }
        return new DataQuery(key == null || key.isBlank() ? "all" : key.strip(), sourceList, blank(start), blank(end), at,
                derivations, blank(shareBy), group);
    }

    static OffsetDateTime parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value);
        }
        catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** The download format asked for, or null for JSON. */
    Exports.Format format(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> null;
                case "sdmx-csv", "sdmx_csv", "sdmxcsv" -> Exports.Format.SDMX_CSV;
                case "csv" -> Exports.Format.CSV;
                case "xlsx" -> Exports.Format.XLSX;
                default -> throw new InvalidInputException("format", "observatory.query.format");
            };
        }
        if (accept != null && accept.contains("application/vnd.sdmx.data+csv")) {
            return Exports.Format.SDMX_CSV;
        }
        if (accept != null && accept.contains("text/csv") && !accept.contains("application/json")) {
            return Exports.Format.CSV;
        }
        return null;
    }

    /**
     * Writes a download to the response as the rows stream from the database; the query is checked first so that
     * a bad one gets a problem answer, not a broken file.
     */
    void download(String code, DataQuery query, Exports.Format format, Locale locale, HttpServletResponse response)
            throws IOException {
        Dataset dataset = observatory.validate(code, query);
        DatasetDetail detail = observatory.dataset(code);
        var codelists = observatory.dimensionCodelists(dataset);
        String type = switch (format) {
            case SDMX_CSV -> Exports.SDMX_CSV_TYPE + ";charset=UTF-8";
            case CSV -> "text/csv;charset=UTF-8";
            case XLSX -> Exports.XLSX_TYPE;
        };
        String name = code + (format == Exports.Format.SDMX_CSV ? "-sdmx" : "") + "." + format.extension();
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        try (Exports.DataWriter writer = Exports.writer(format, response.getOutputStream(), dataset, codelists,
                detail.sources(), locale)) {
            observatory.stream(code, query, row -> {
                try {
                    writer.write(row);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
