package org.marsad.observatory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.marsad.observatory.Codelist;
import org.marsad.observatory.DataQuery;
import org.marsad.observatory.Dataset;
import org.marsad.observatory.DatasetDetail;
import org.marsad.observatory.DatasetSummary;
import org.marsad.observatory.Derivation;
import org.marsad.observatory.ObservatoryApi;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The observatory's pages: catalogue, dataset explorer, check of published figures, comparison of sources, sources. */
@Controller
class ObservatoryWebController {

    static final List<String> CHARTS = List.of("line", "bar", "stacked");
    static final int ALL_SERIES_UP_TO = 200;

    private final ObservatoryApi observatory;
    private final DataRequests requests;
    private final FormErrors formErrors;

    ObservatoryWebController(ObservatoryApi observatory, DataRequests requests, FormErrors formErrors) {
        this.observatory = observatory;
        this.requests = requests;
        this.formErrors = formErrors;
    }

    @GetMapping("/observatory")
    String catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String theme, Model model,
            Locale locale, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("q", q);
        model.addAttribute("theme", theme);
        model.addAttribute("themes", observatory.themes());
        try {
            model.addAttribute("datasets", observatory.catalogue(q, theme));
        }
        catch (InvalidInputException e) {
            model.addAttribute("datasets", List.of());
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        model.addAttribute("canWrite", ObservatoryApi.canWrite());
        return htmx != null ? "observatory/catalogue :: results" : "observatory/catalogue";
    }

    @GetMapping("/observatory/datasets/{code}")
    String explore(@PathVariable String code, @RequestParam(required = false) String key,
            @RequestParam(required = false) List<String> source, @RequestParam(required = false) String startPeriod,
            @RequestParam(required = false) String endPeriod, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) List<String> derive, @RequestParam(required = false) String chart,
            HttpServletRequest request, Model model, Locale locale,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        DatasetDetail detail = observatory.dataset(code);
        Dataset dataset = detail.dataset();
        List<List<Codelist.Code>> used = observatory.usedCodes(code);
        List<Set<String>> selected = selection(dataset, key, request, used, observatory.seriesCount(code));
        String effectiveKey = key(selected);
        String deriveParam = derive == null ? null : String.join(",", derive);
        String chartType = chart != null && CHARTS.contains(chart) ? chart : "line";
        model.addAttribute("detail", detail);
        model.addAttribute("dataset", dataset);
        model.addAttribute("used", used);
        model.addAttribute("selected", selected);
        model.addAttribute("key", effectiveKey);
        model.addAttribute("sourceFilter", source == null ? List.of() : source);
        model.addAttribute("startPeriod", startPeriod);
        model.addAttribute("endPeriod", endPeriod);
        model.addAttribute("asOf", asOf);
        model.addAttribute("derive", derive == null ? List.of() : derive);
        model.addAttribute("derivations", Derivation.values());
        model.addAttribute("chart", chartType);
        model.addAttribute("charts", CHARTS);
        model.addAttribute("canWrite", ObservatoryApi.canWrite());
        try {
            DataQuery query = requests.query(effectiveKey, source, startPeriod, endPeriod, asOf, deriveParam, null, null);
            model.addAttribute("result", observatory.data(code, query));
            model.addAttribute("query", query);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("startPeriod", blank(startPeriod));
            params.put("endPeriod", blank(endPeriod));
            params.put("asOf", blank(asOf));
            params.put("source", source == null || source.isEmpty() ? null : String.join("+", source));
            params.put("derive", blank(deriveParam));
            String api = "/api/v1/observatory/data/" + encode(code) + "/" + encode(effectiveKey).replace("%2B", "+")
                    + queryString(params);
            model.addAttribute("apiUrl", api);
            model.addAttribute("downloads", downloads(api));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        return htmx != null ? "observatory/dataset :: results" : "observatory/dataset";
    }

    /** The download links of a query: the API address with a format. */
    static Map<String, String> downloads(String api) {
        Map<String, String> links = new LinkedHashMap<>();
        String separator = api.contains("?") ? "&" : "?";
        links.put("csv", api + separator + "format=csv");
        links.put("sdmx-csv", api + separator + "format=sdmx-csv");
        links.put("xlsx", api + separator + "format=xlsx");
        return links;
    }

    /**
     * The codes chosen for each dimension: from the checkboxes (one request parameter per dimension code), else from
     * a key, else every code for small datasets and the total (or first code) of each dimension for large ones.
     */
    static List<Set<String>> selection(Dataset dataset, String key, HttpServletRequest request, List<List<Codelist.Code>> used,
            long seriesCount) {
        List<Set<String>> selected = new ArrayList<>();
        boolean fromForm = dataset.dimensions().stream().anyMatch(d -> request.getParameterValues(d.code()) != null);
        String[] keyParts = key == null || key.isBlank() || key.equalsIgnoreCase("all") ? null : key.split("\\.", -1);
        if (keyParts != null && keyParts.length != dataset.dimensions().size()) {
            keyParts = null;
        }
        for (int i = 0; i < dataset.dimensions().size(); i++) {
            Dataset.Dimension d = dataset.dimensions().get(i);
            Set<String> codes = new LinkedHashSet<>();
            if (fromForm) {
                String[] values = request.getParameterValues(d.code());
                if (values != null) {
                    codes.addAll(List.of(values));
                }
            }
            else if (keyParts != null) {
                if (!keyParts[i].isBlank()) {
                    codes.addAll(List.of(keyParts[i].split("\\+")));
                }
            }
            else if (seriesCount > ALL_SERIES_UP_TO && !used.get(i).isEmpty()) {
                boolean hasTotal = d.total() != null && used.get(i).stream().anyMatch(c -> c.code().equals(d.total()));
                codes.add(hasTotal ? d.total() : used.get(i).getFirst().code());
            }
            selected.add(codes);
        }
        return selected;
    }

    static String key(List<Set<String>> selected) {
        if (selected.stream().allMatch(Set::isEmpty)) {
            return "all";
        }
        return String.join(".", selected.stream().map(s -> String.join("+", s)).toList());
    }

    @GetMapping("/observatory/datasets/{code}/check")
    String check(@PathVariable String code, Model model) {
        model.addAttribute("detail", observatory.dataset(code));
        model.addAttribute("check", observatory.check(code));
        model.addAttribute("derivations", Derivation.values());
        return "observatory/check";
    }

    @GetMapping("/observatory/compare")
    String compare(@RequestParam(required = false) String dataset, @RequestParam(required = false) String key,
            @RequestParam(required = false) List<String> code, Model model, Locale locale,
            @RequestHeader(value = "HX-Request", required = false) String htmx) {
        List<DatasetSummary> comparable = observatory.comparable();
        model.addAttribute("comparable", comparable);
        String chosen = dataset != null && !dataset.isBlank() ? dataset.strip()
                : comparable.stream().anyMatch(d -> d.code().equals("MRE_STOCK")) ? "MRE_STOCK"
                : comparable.isEmpty() ? null : comparable.getFirst().code();
        model.addAttribute("datasetCode", chosen);
        if (chosen == null) {
            return "observatory/compare";
        }
        Dataset structure = observatory.structure(chosen);
        List<List<Codelist.Code>> used = observatory.usedCodes(chosen);
        String effectiveKey = key;
        if (code != null && !code.isEmpty() && structure.dimensions().size() == 1) {
            effectiveKey = String.join("+", code);
        }
        if (effectiveKey == null || effectiveKey.isBlank()) {
            effectiveKey = defaultComparisonKey(structure, used);
        }
        model.addAttribute("structure", structure);
        model.addAttribute("used", used);
        model.addAttribute("key", effectiveKey);
        model.addAttribute("chosenCodes", structure.dimensions().size() == 1 ? Set.of(effectiveKey.split("\\+")) : Set.of());
        try {
            model.addAttribute("comparison", observatory.compare(chosen, effectiveKey, List.of(), null, null));
            Map<String, String> params = new LinkedHashMap<>();
            params.put("dataset", chosen);
            params.put("key", effectiveKey);
            model.addAttribute("apiUrl", "/api/v1/observatory/compare" + queryString(params));
        }
        catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e, locale));
        }
        return htmx != null ? "observatory/compare :: results" : "observatory/compare";
    }

    /** The showcase of disagreement: the world total and the De Haas total for the stock of Moroccans abroad. */
    static String defaultComparisonKey(Dataset structure, List<List<Codelist.Code>> used) {
        if (structure.code().equals("MRE_STOCK")) {
            return "_T+EUR_MAIN";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < structure.dimensions().size(); i++) {
            Dataset.Dimension d = structure.dimensions().get(i);
            boolean hasTotal = d.total() != null && used.get(i).stream().anyMatch(c -> c.code().equals(d.total()));
            parts.add(hasTotal ? d.total() : used.get(i).isEmpty() ? "" : used.get(i).getFirst().code());
        }
        return String.join(".", parts);
    }

    @GetMapping("/observatory/sources")
    String sources(Model model) {
        model.addAttribute("sources", observatory.sources());
        return "observatory/sources";
    }

    @GetMapping("/observatory/codelists/{code}")
    String codelist(@PathVariable String code, Model model) {
        model.addAttribute("codelist", observatory.codelist(code));
        return "observatory/codelist";
    }

    /** A query string, each value form-encoded (a + in a key must reach the server as +, not as a space). */
    static String queryString(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
            }
        });
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
