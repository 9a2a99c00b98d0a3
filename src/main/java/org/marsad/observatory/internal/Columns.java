package org.marsad.observatory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.marsad.observatory.Dataset;

/**
 * What each column of an import file holds, read from its header. SDMX-CSV 2.0 columns ({@code STRUCTURE},
 * {@code STRUCTURE_ID}, {@code ACTION}, the dimensions, {@code TIME_PERIOD}, {@code OBS_VALUE}, the attributes) in
 * any order; the simple CSV is the same without the first three. {@code DATA_SOURCE} (or {@code SOURCE}) names the
 * source of each row; columns ending in {@code _LABEL} (as in Marsad's CSV downloads) are ignored.
 */
final class Columns {

    static final List<String> ATTRIBUTES = List.of("OBS_STATUS", "OBS_QUALIFIER", "PERIOD_BASIS", "DECIMALS", "COMMENT_OBS");

    final List<String> names;
    final int[] dims;
    int period = -1;
    int value = -1;
    int status = -1;
    int qualifier = -1;
    int basis = -1;
    int decimals = -1;
    int comment = -1;
    int source = -1;
    int structure = -1;
    int structureId = -1;
    int action = -1;
    boolean sdmx;
    final List<String> unknown = new ArrayList<>();
    ImportFileException problem;

    private Columns(List<String> names, int dimensions) {
        this.names = names;
        this.dims = new int[dimensions];
        Arrays.fill(dims, -1);
    }

    static Columns of(List<String> header, Dataset dataset, String format) {
        List<String> names = header.stream().map(Columns::normalise).toList();
        Columns c = new Columns(names, dataset.dimensions().size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                c.problem = new ImportFileException("observatory.import.error.emptyColumnName", i + 1);
                return c;
            }
            if (seen.put(name, i) != null) {
                c.problem = new ImportFileException("observatory.import.error.duplicateColumn", name);
                return c;
            }
            int dimension = -1;
            for (int d = 0; d < dataset.dimensions().size(); d++) {
                if (dataset.dimensions().get(d).code().equals(name)) {
                    dimension = d;
                }
            }
            if (dimension >= 0) {
                c.dims[dimension] = i;
                continue;
            }
            switch (name) {
                case "STRUCTURE" -> { c.structure = i; c.sdmx = true; }
                case "STRUCTURE_ID" -> c.structureId = i;
                case "ACTION" -> c.action = i;
                case "TIME_PERIOD" -> c.period = i;
                case "OBS_VALUE" -> c.value = i;
                case "OBS_STATUS" -> c.status = i;
                case "OBS_QUALIFIER" -> c.qualifier = i;
                case "PERIOD_BASIS" -> c.basis = i;
                case "DECIMALS" -> c.decimals = i;
                case "COMMENT_OBS" -> c.comment = i;
                case "DATA_SOURCE", "SOURCE" -> c.source = i;
                default -> {
                    if (!name.endsWith("_LABEL") && !name.equals("SERIES_KEY") && !name.equals("OBS_KEY")
                            && !name.equals(Dataset.UNIT_DIMENSION)) {
                        c.unknown.add(header.get(i));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int d = 0; d < c.dims.length; d++) {
            if (c.dims[d] < 0) {
                missing.add(dataset.dimensions().get(d).code());
            }
        }
        if (c.period < 0) {
            missing.add("TIME_PERIOD");
        }
        if (c.value < 0) {
            missing.add("OBS_VALUE");
        }
        if (c.sdmx && c.structureId < 0) {
            missing.add("STRUCTURE_ID");
        }
        if (!missing.isEmpty()) {
            c.problem = new ImportFileException("observatory.import.error.missingColumns", String.join(", ", missing),
                    String.join(", ", header));
        }
        return c;
    }

    /** Upper case, without SDMX decorations: {@code STRUCTURE[;]} → STRUCTURE, {@code REF_AREA: Pays} → REF_AREA. */
    static String normalise(String header) {
        String h = header.strip();
        int bracket = h.indexOf('[');
        if (bracket > 0) {
            h = h.substring(0, bracket);
        }
        int colon = h.indexOf(": ");
        if (colon > 0) {
            h = h.substring(0, colon);
        }
        return h.strip().toUpperCase(Locale.ROOT);
    }
}
