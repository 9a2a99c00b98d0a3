package org.marsad.observatory;

import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.marsad.observatory.internal.CodelistRepository;
import org.marsad.observatory.internal.DatasetRepository;
import org.marsad.observatory.internal.Derivations;
import org.marsad.observatory.internal.ImportFiles;
import org.marsad.observatory.internal.ImportProcessor;
import org.marsad.observatory.internal.ImportRepository;
import org.marsad.observatory.internal.ImportWorker;
import org.marsad.observatory.internal.ObservationRepository;
import org.marsad.observatory.internal.Periods;
import org.marsad.observatory.internal.SourceRepository;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The observatory's public API: the catalogue, dataset structures, codelists and sources; data queries by SDMX key
 * with derived figures and {@code asOf}; the check of published figures; the comparison of sources; imports.
 * Anyone reads published datasets; DATA_STEWARD and COORDINATOR (and ADMIN) create datasets, sources and
 * codelists, and import. Every write is audited.
 */
@Service
@Transactional(readOnly = true)
public class ObservatoryApi {

    /** The roles that write datasets and import observations. */
    public static final Role[] WRITERS = {Role.DATA_STEWARD, Role.COORDINATOR, Role.ADMIN};
    public static final int MAX_SERIES = 20_000;
    public static final int MAX_OBSERVATIONS = 200_000;
    public static final int MAX_AGGREGATE_ROWS = 200_000;
    /** The themes the catalogue knows (each has a label in the three languages). */
    public static final Set<String> THEMES = Set.of("EMIGRATION", "DIASPORA", "REMITTANCES", "IRREGULAR_MIGRATION",
            "IMMIGRATION", "ASYLUM", "STUDENTS", "LABOUR_MIGRATION");
    static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,49}$");
    static final Pattern ITEM = Pattern.compile("^[A-Za-z0-9_@$-]{1,50}$");

    private final DatasetRepository datasets;
    private final CodelistRepository codelists;
    private final SourceRepository sources;
    private final ObservationRepository observations;
    private final ImportRepository imports;
    private final ImportFiles files;
    private final ImportProcessor processor;
    private final ImportWorker worker;
    private final OrganisationsApi organisations;
    private final AuditLog audit;
    private final TransactionTemplate writeTransaction;
    private final long maxImportBytes;

    ObservatoryApi(DatasetRepository datasets, CodelistRepository codelists, SourceRepository sources,
            ObservationRepository observations, ImportRepository imports, ImportFiles files, ImportProcessor processor,
            ImportWorker worker, OrganisationsApi organisations, AuditLog audit, PlatformTransactionManager transactions,
            ObservatoryProperties properties) {
        this.datasets = datasets;
        this.codelists = codelists;
        this.sources = sources;
        this.observations = observations;
        this.imports = imports;
        this.files = files;
        this.processor = processor;
        this.worker = worker;
        this.organisations = organisations;
        this.audit = audit;
        this.writeTransaction = new TransactionTemplate(transactions);
        this.maxImportBytes = properties.importMaxSize().toBytes();
    }

    public static boolean canWrite() {
        return CurrentUser.has(WRITERS);
    }

    /** Published datasets (and, for writers, unpublished ones) matching a free-text query and a theme. */
    public List<DatasetSummary> catalogue(String query, String theme) {
        String q = query == null || query.isBlank() ? null : fold(query.strip());
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "validation.maxLength", 200);
        }
        return datasets.summaries(canWrite()).stream()
                .filter(d -> theme == null || theme.isBlank() || d.themes().contains(theme.strip()))
                .filter(d -> q == null || fold(d.code() + " " + text(d.name()) + " " + text(d.description())).contains(q))
                .toList();
    }

    public List<String> themes() {
        return datasets.summaries(canWrite()).stream().flatMap(d -> d.themes().stream()).distinct().sorted().toList();
    }

    public Dataset structure(String code) {
        Dataset d = datasets.find(code).orElseThrow(() -> new NotFoundException("dataset", code));
        if (!d.published() && !canWrite()) {
            throw new NotFoundException("dataset", code);
        }
        return d;
    }

    public DatasetDetail dataset(String code) {
        Dataset d = structure(code);
        int id = datasets.id(code).orElseThrow();
        List<Codelist> lists = d.dimensions().stream().map(Dataset.Dimension::codelist).distinct()
                .map(c -> codelists.find(c).orElseThrow()).toList();
        return new DatasetDetail(d, datasets.summary(code).orElseThrow(), lists, sources.ofDataset(id));
    }

    public List<Codelist> codelists() {
        return codelists.all();
    }

    public Codelist codelist(String code) {
        return codelists.find(code).orElseThrow(() -> new NotFoundException("codelist", code));
    }

    public List<Source> sources() {
        return sources.all();
    }

    public Source source(String code) {
        return sources.find(code).orElseThrow(() -> new NotFoundException("source", code));
    }

    /** Data for a key, as series per source; see {@link DataQuery}. */
    public DataResult data(String code, DataQuery query) {
        Dataset dataset = structure(code);
        int id = datasets.id(code).orElseThrow();
        SourceIndex index = sourceIndex();
        Filter filter = filter(dataset, query, index);
        Labels labels = new Labels(dataset);
        if (query.groupBy() != null && !query.groupBy().isEmpty()) {
            return aggregate(dataset, id, query, filter, labels, index);
        }
        List<ObservationRepository.SeriesRow> series = observations.series(id, filter.positions);
        if (series.size() > MAX_SERIES) {
            throw new InvalidInputException("key", "observatory.query.tooManySeries", series.size(), MAX_SERIES);
        }
        Map<Long, ObservationRepository.SeriesRow> byId = new LinkedHashMap<>();
        series.forEach(s -> byId.put(s.id(), s));
        List<ObservationRepository.ObsRow> rows = observations.observations(byId.keySet(), filter.sourceIds, filter.start,
                filter.end, query.asOf(), MAX_OBSERVATIONS + 1);
        if (rows.size() > MAX_OBSERVATIONS) {
            throw new InvalidInputException("key", "observatory.query.tooManyObservations", MAX_OBSERVATIONS);
        }
        Map<String, Map<Integer, List<ObservationRepository.ObsRow>>> grouped = new TreeMap<>();
        for (ObservationRepository.ObsRow r : rows) {
            grouped.computeIfAbsent(byId.get(r.seriesId()).key(), k -> new TreeMap<>())
                    .computeIfAbsent(r.sourceId(), k -> new ArrayList<>()).add(r);
        }
        Map<Integer, String> sourceCodes = index.codes();
        Set<Derivation> derive = query.derive() == null ? Set.of() : query.derive();
        Share share = derive.contains(Derivation.SHARE) ? share(dataset, id, query, filter, byId, sourceCodes) : null;
        List<SeriesData> result = new ArrayList<>();
        Set<String> periods = new HashSet<>();
        Map<String, LocalDate> starts = new HashMap<>();
        for (var entry : grouped.entrySet()) {
            List<String> dims = List.of(entry.getKey().split("\\.", -1));
            for (var bySource : entry.getValue().entrySet()) {
                String source = sourceCodes.get(bySource.getKey());
                List<Observation> obs = bySource.getValue().stream().map(ObservatoryApi::observation).toList();
                bySource.getValue().forEach(r -> {
                    periods.add(r.period());
                    starts.put(r.period(), r.start());
                });
                result.add(new SeriesData(entry.getKey(), labels.of(dims), source, dataset.unitOf(dims), obs,
                        derived(derive, entry.getKey(), source, bySource.getValue(), share)));
            }
        }
        result.sort(labels.order());
        List<String> orderedPeriods = periods.stream()
                .sorted(Comparator.comparing((String p) -> starts.get(p)).thenComparing(p -> p)).toList();
        List<Source> used = result.stream().map(SeriesData::source).distinct().sorted().map(index.byCode()::get).toList();
        return new DataResult(code, query.key(), query.asOf(), orderedPeriods, result, used, false);
    }

    /** The filter of a query, validated: positions of the key, sources, periods. */
    record Filter(List<Set<String>> positions, List<Integer> sourceIds, LocalDate start, LocalDate end) {
    }

    Filter filter(Dataset dataset, DataQuery query) {
        return filter(dataset, query, sourceIndex());
    }

    private Filter filter(Dataset dataset, DataQuery query, SourceIndex index) {
        Validation v = Validation.start();
        List<Set<String>> positions = parseKey(dataset, query.key(), v);
        List<Integer> sourceIds = new ArrayList<>();
        Map<String, Integer> ids = index.ids();
        for (String s : query.sources() == null ? List.<String>of() : query.sources()) {
            for (String code : s.split("\\+")) {
                if (code.isBlank()) {
                    continue;
                }
                Integer sid = ids.get(code.strip());
                if (sid == null) {
                    v.reject("source", "observatory.query.unknownSource", code.strip());
                }
                else {
                    sourceIds.add(sid);
                }
            }
        }
        LocalDate start = null;
        LocalDate end = null;
        if (query.startPeriod() != null && !query.startPeriod().isBlank()) {
            start = Periods.bound(query.startPeriod(), true).orElse(null);
            if (start == null) {
                v.reject("startPeriod", "observatory.query.badPeriod");
            }
        }
        if (query.endPeriod() != null && !query.endPeriod().isBlank()) {
            end = Periods.bound(query.endPeriod(), false).orElse(null);
            if (end == null) {
                v.reject("endPeriod", "observatory.query.badPeriod");
            }
        }
        if (start != null && end != null && start.isAfter(end)) {
            v.reject("endPeriod", "observatory.query.periodOrder");
        }
        if (query.shareBy() != null && !query.shareBy().isBlank()
                && dataset.dimension(query.shareBy()).map(Dataset.Dimension::total).orElse(null) == null) {
            v.reject("shareBy", "observatory.query.shareBy");
        }
        v.throwIfInvalid();
        return new Filter(positions, sourceIds, start, end);
    }

    /**
     * An SDMX key: {@code all}, or one position per dimension separated by dots, each empty (any code) or codes
     * separated by {@code +}.
     */
    static List<Set<String>> parseKey(Dataset dataset, String key, Validation v) {
        int n = dataset.dimensions().size();
        List<Set<String>> positions = new ArrayList<>();
        if (key == null || key.isBlank() || key.strip().equalsIgnoreCase("all")) {
            for (int i = 0; i < n; i++) {
                positions.add(null);
            }
            return positions;
        }
        String[] parts = key.strip().split("\\.", -1);
        if (parts.length != n) {
            v.reject("key", "observatory.query.keyLength", n, String.join(".",
                    dataset.dimensions().stream().map(Dataset.Dimension::code).toList()));
            return positions;
        }
        for (String part : parts) {
            if (part.isBlank()) {
                positions.add(null);
                continue;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String code : part.split("\\+")) {
                if (!ITEM.matcher(code.strip()).matches()) {
                    v.reject("key", "observatory.query.badCode", code);
                }
                codes.add(code.strip());
            }
            positions.add(codes);
        }
        return positions;
    }

    /** The totals a share divides by: for each series, its twin whose share dimension holds the total code. */
    private record Share(int position, String total, Map<String, Map<String, Map<String, BigDecimal>>> values) {
    }

    private Share share(Dataset dataset, int id, DataQuery query, Filter filter, Map<Long, ObservationRepository.SeriesRow> seen,
            Map<Integer, String> sourceCodes) {
        Dataset.Dimension dimension = query.shareBy() != null && !query.shareBy().isBlank()
                ? dataset.dimension(query.shareBy()).orElseThrow()
                : dataset.dimensions().stream().filter(d -> d.total() != null).findFirst().orElse(null);
        if (dimension == null) {
            throw new InvalidInputException("derive", "observatory.query.noTotal");
        }
        int position = dimension.position() - 1;
        Set<String> baseKeys = new HashSet<>();
        for (ObservationRepository.SeriesRow s : seen.values()) {
            List<String> dims = new ArrayList<>(s.dims());
            dims.set(position, dimension.total());
            baseKeys.add(String.join(".", dims));
        }
        Map<String, Map<String, Map<String, BigDecimal>>> values = new HashMap<>();
        Map<Long, String> keys = new HashMap<>();
        observations.seriesByKeys(id, baseKeys).forEach(s -> keys.put(s.id(), s.key()));
        for (ObservationRepository.ObsRow r : observations.observations(keys.keySet(), filter.sourceIds, filter.start,
                filter.end, query.asOf(), MAX_OBSERVATIONS)) {
            values.computeIfAbsent(keys.get(r.seriesId()), k -> new HashMap<>())
                    .computeIfAbsent(sourceCodes.get(r.sourceId()), k -> new HashMap<>()).put(r.period(), r.value());
        }
        return new Share(position, dimension.total(), values);
    }

    private static Map<Derivation, List<SeriesData.DerivedValue>> derived(Set<Derivation> derive, String key, String source,
            List<ObservationRepository.ObsRow> rows, Share share) {
        Map<Derivation, List<SeriesData.DerivedValue>> result = new LinkedHashMap<>();
        for (Derivation d : Derivation.values()) {
            if (!derive.contains(d)) {
                continue;
            }
            List<SeriesData.DerivedValue> values = new ArrayList<>();
            if (d == Derivation.SHARE) {
                List<String> dims = new ArrayList<>(List.of(key.split("\\.", -1)));
                dims.set(share.position(), share.total());
                Map<String, BigDecimal> totals = share.values().getOrDefault(String.join(".", dims), Map.of())
                        .getOrDefault(source, Map.of());
                for (ObservationRepository.ObsRow r : rows) {
                    BigDecimal v = Derivations.compute(d, totals.get(r.period()), r.value(), null);
                    if (v != null) {
                        values.add(new SeriesData.DerivedValue(r.period(), null, v));
                    }
                }
            }
            else {
                for (int i = 1; i < rows.size(); i++) {
                    ObservationRepository.ObsRow previous = rows.get(i - 1);
                    ObservationRepository.ObsRow current = rows.get(i);
                    BigDecimal years = Periods.yearsBetween(new Periods.Period(previous.period(), previous.start(), previous.end()),
                            new Periods.Period(current.period(), current.start(), current.end()));
                    BigDecimal v = Derivations.compute(d, previous.value(), current.value(), years);
                    if (v != null) {
                        values.add(new SeriesData.DerivedValue(current.period(), previous.period(), v));
                    }
                }
            }
            result.put(d, values);
        }
        return result;
    }

    private DataResult aggregate(Dataset dataset, int id, DataQuery query, Filter filter, Labels labels, SourceIndex index) {
        Validation v = Validation.start();
        if (!dataset.additive()) {
            v.reject("groupBy", "observatory.query.notAdditive");
        }
        List<Integer> groupBy = new ArrayList<>();
        for (String g : query.groupBy()) {
            dataset.dimension(g.strip()).ifPresentOrElse(d -> groupBy.add(d.position()),
                    () -> v.reject("groupBy", "observatory.query.unknownDimension", g));
        }
        int unit = dataset.unitIndex();
        if (unit >= 0 && !groupBy.contains(unit + 1)) {
            groupBy.add(unit + 1);
        }
        if (groupBy.size() > 2) {
            v.reject("groupBy", "observatory.query.groupByTwo");
        }
        if (query.derive() != null && !query.derive().isEmpty()) {
            v.reject("derive", "observatory.query.deriveAggregate");
        }
        v.throwIfInvalid();
        groupBy.sort(Integer::compare);
        boolean filtersOnlyGrouped = true;
        for (int d = 0; d < filter.positions.size(); d++) {
            if (filter.positions.get(d) != null && !groupBy.contains(d + 1)) {
                filtersOnlyGrouped = false;
            }
        }
        boolean useSummary = query.asOf() == null && filtersOnlyGrouped && datasets.summaryFresh(id);
        List<String> totals = dataset.dimensions().stream().map(Dataset.Dimension::total).toList();
        // Values come in time order: each series' observations and the periods are in order as they arrive.
        Map<AggregateSeries, List<Observation>> bySeries = new HashMap<>();
        Set<String> periods = new LinkedHashSet<>();
        int count = observations.aggregate(id, groupBy, filter.positions, totals, filter.sourceIds, filter.start, filter.end,
                query.asOf(), useSummary, MAX_AGGREGATE_ROWS + 1, (first, second, sourceId, period, total) -> {
                    bySeries.computeIfAbsent(new AggregateSeries(first, second, sourceId), k -> new ArrayList<>())
                            .add(new Observation(period, total, ObsStatus.A, null, PeriodBasis.STATED, null, null, null, null, null));
                    periods.add(period);
                });
        if (count > MAX_AGGREGATE_ROWS) {
            throw new InvalidInputException("groupBy", "observatory.query.tooManyObservations", MAX_AGGREGATE_ROWS);
        }
        Map<Integer, String> sourceCodes = index.codes();
        List<SeriesData> result = new ArrayList<>(bySeries.size());
        for (var e : bySeries.entrySet()) {
            List<String> dims = new ArrayList<>(Collections.nCopies(dataset.dimensions().size(), ""));
            dims.set(groupBy.get(0) - 1, e.getKey().first());
            if (groupBy.size() == 2) {
                dims.set(groupBy.get(1) - 1, e.getKey().second());
            }
            result.add(new SeriesData(String.join(".", dims), labels.of(dims), sourceCodes.get(e.getKey().sourceId()),
                    unit >= 0 ? dims.get(unit) : dataset.unit(), e.getValue(), Map.of()));
        }
        result.sort(labels.order());
        List<Source> used = result.stream().map(SeriesData::source).distinct().sorted().map(index.byCode()::get).toList();
        return new DataResult(dataset.code(), query.key(), query.asOf(), List.copyOf(periods), result, used, true);
    }

    /** One series of an aggregate: the codes of the grouped dimensions ({@code second} null for one) and the source. */
    private record AggregateSeries(String first, String second, int sourceId) {
    }

    /** Checks a query before a download starts, so that a bad one gets a problem rather than a broken file. */
    public Dataset validate(String code, DataQuery query) {
        Dataset dataset = structure(code);
        filter(dataset, query);
        return dataset;
    }

    /** The codelists of a dataset's dimensions, in dimension order. */
    public List<Codelist> dimensionCodelists(Dataset dataset) {
        Map<String, Codelist> found = new HashMap<>();
        codelists.find(dataset.dimensions().stream().map(Dataset.Dimension::codelist).distinct().toList())
                .forEach(c -> found.put(c.code(), c));
        return dataset.dimensions().stream().map(d -> found.get(d.codelist())).toList();
    }

    /** For each dimension, the codes the dataset's series use, in codelist order. */
    public List<List<Codelist.Code>> usedCodes(String code) {
        Dataset dataset = structure(code);
        List<Set<String>> used = observations.usedCodes(datasets.id(code).orElseThrow(), dataset.dimensions().size());
        List<List<Codelist.Code>> result = new ArrayList<>();
        List<Codelist> lists = dimensionCodelists(dataset);
        for (int i = 0; i < lists.size(); i++) {
            Set<String> codes = used.get(i);
            result.add(lists.get(i).codes().stream().filter(c -> codes.contains(c.code())).toList());
        }
        return result;
    }

    public long seriesCount(String code) {
        return datasets.summary(code).map(DatasetSummary::series).orElse(0L);
    }

    public long maxImportBytes() {
        return maxImportBytes;
    }

    /** Streams every matching value (no size limit) to a consumer, in series order. */
    public void stream(String code, DataQuery query, Consumer<ExportRow> consumer) {
        Dataset dataset = structure(code);
        int id = datasets.id(code).orElseThrow();
        Filter filter = filter(dataset, query);
        Map<Integer, String> sourceCodes = sourceCodes();
        observations.stream(id, filter.positions, filter.sourceIds, filter.start, filter.end, query.asOf(),
                k -> consumer.accept(new ExportRow(k.key(), sourceCodes.get(k.obs().sourceId()), observation(k.obs()))));
    }

    /** One observation of a download: its series key, source and value. */
    public record ExportRow(String key, String source, Observation observation) {
    }

    /** Published figures beside recomputed ones, and published totals beside the sums of their parts. */
    public DatasetCheck check(String code) {
        Dataset dataset = structure(code);
        int id = datasets.id(code).orElseThrow();
        Labels labels = new Labels(dataset);
        Map<Integer, String> sourceCodes = sourceCodes();
        Map<String, Map<String, Map<String, ObservationRepository.ObsRow>>> values = new HashMap<>();
        boolean small = datasets.observationCount(id) <= MAX_OBSERVATIONS;
        List<ObservationRepository.FigureRow> figures = observations.figures(id);
        Set<String> needed = new HashSet<>();
        for (ObservationRepository.FigureRow f : figures) {
            needed.add(f.seriesKey());
            if (f.kind() == Derivation.SHARE) {
                needed.add(baseKey(dataset, f.seriesKey(), f.baseCode()));
            }
        }
        List<ObservationRepository.SeriesRow> series = small ? observations.series(id, allPositions(dataset))
                : observations.seriesByKeys(id, needed);
        Map<Long, String> keys = new HashMap<>();
        series.forEach(s -> keys.put(s.id(), s.key()));
        for (ObservationRepository.ObsRow r : observations.observations(keys.keySet(), null, null, null, null, MAX_OBSERVATIONS)) {
            values.computeIfAbsent(keys.get(r.seriesId()), k -> new HashMap<>())
                    .computeIfAbsent(sourceCodes.get(r.sourceId()), k -> new HashMap<>()).put(r.period(), r);
        }
        List<DatasetCheck.FigureCheck> figureChecks = new ArrayList<>();
        for (ObservationRepository.FigureRow f : figures) {
            Map<String, ObservationRepository.ObsRow> own = values.getOrDefault(f.seriesKey(), Map.of()).getOrDefault(f.sourceCode(), Map.of());
            ObservationRepository.ObsRow v1 = own.get(f.period());
            ObservationRepository.ObsRow v0 = f.kind() == Derivation.SHARE
                    ? values.getOrDefault(baseKey(dataset, f.seriesKey(), f.baseCode()), Map.of()).getOrDefault(f.sourceCode(), Map.of()).get(f.period())
                    : own.get(f.basePeriod());
            BigDecimal years = null;
            if (v0 != null && v1 != null && f.kind() != Derivation.SHARE) {
                years = Periods.yearsBetween(new Periods.Period(v0.period(), v0.start(), v0.end()),
                        new Periods.Period(v1.period(), v1.start(), v1.end()));
            }
            BigDecimal recomputed = v0 == null || v1 == null ? null : Derivations.compute(f.kind(), v0.value(), v1.value(), years);
            BigDecimal rounded = recomputed == null ? null : Derivations.round(recomputed, f.decimals());
            CheckStatus status = recomputed == null ? CheckStatus.NOT_COMPUTABLE
                    : Derivations.agrees(f.value(), f.decimals(), f.qualifier(), recomputed) ? CheckStatus.MATCH : CheckStatus.MISMATCH;
            figureChecks.add(new DatasetCheck.FigureCheck(f.kind(), f.seriesKey(), labels.of(List.of(f.seriesKey().split("\\.", -1))),
                    f.sourceCode(), f.period(), f.basePeriod(), f.baseCode(), f.value(), f.decimals(), f.qualifier(), recomputed,
                    rounded, rounded == null ? null : rounded.subtract(f.value()), status, f.citation()));
        }
        List<DatasetCheck.TotalCheck> totals = small ? totals(dataset, values) : List.of();
        return new DatasetCheck(code, figureChecks, totals);
    }

    private static List<DatasetCheck.TotalCheck> totals(Dataset dataset,
            Map<String, Map<String, Map<String, ObservationRepository.ObsRow>>> values) {
        List<DatasetCheck.TotalCheck> checks = new ArrayList<>();
        for (Dataset.AggregateRule rule : dataset.aggregates()) {
            int position = dataset.dimension(rule.dimension()).orElseThrow().position() - 1;
            for (var series : new TreeMap<>(values).entrySet()) {
                List<String> dims = List.of(series.getKey().split("\\.", -1));
                if (!dims.get(position).equals(rule.total())) {
                    continue;
                }
                for (var bySource : new TreeMap<>(series.getValue()).entrySet()) {
                    for (var obs : new TreeMap<>(bySource.getValue()).entrySet()) {
                        BigDecimal sum = BigDecimal.ZERO;
                        List<String> missing = new ArrayList<>();
                        for (String part : rule.parts()) {
                            List<String> partDims = new ArrayList<>(dims);
                            partDims.set(position, part);
                            ObservationRepository.ObsRow p = values.getOrDefault(String.join(".", partDims), Map.of())
                                    .getOrDefault(bySource.getKey(), Map.of()).get(obs.getKey());
                            if (p == null) {
                                missing.add(part);
                            }
                            else {
                                sum = sum.add(p.value());
                            }
                        }
                        if (missing.size() == rule.parts().size()) {
                            continue;
                        }
                        BigDecimal total = obs.getValue().value();
                        CheckStatus status;
                        if (rule.complete()) {
                            status = !missing.isEmpty() ? CheckStatus.NOT_COMPUTABLE
                                    : sum.compareTo(total) == 0 ? CheckStatus.MATCH : CheckStatus.MISMATCH;
                        }
                        else {
                            status = sum.compareTo(total) <= 0 ? CheckStatus.MATCH : CheckStatus.MISMATCH;
                        }
                        List<String> other = new ArrayList<>(dims);
                        other.set(position, "*");
                        checks.add(new DatasetCheck.TotalCheck(rule, bySource.getKey(), obs.getKey(), String.join(".", other),
                                total, sum, missing, status));
                    }
                }
            }
        }
        return checks;
    }

    /** The key a share divides by: the same key with the first dimension that has a total set to the base code. */
    private static String baseKey(Dataset dataset, String key, String baseCode) {
        List<String> dims = new ArrayList<>(List.of(key.split("\\.", -1)));
        Dataset.Dimension shareDimension = dataset.dimensions().stream().filter(d -> d.total() != null).findFirst()
                .orElse(dataset.dimensions().getFirst());
        dims.set(shareDimension.position() - 1, baseCode == null ? shareDimension.total() : baseCode);
        return String.join(".", dims);
    }

    private static List<Set<String>> allPositions(Dataset dataset) {
        List<Set<String>> positions = new ArrayList<>();
        dataset.dimensions().forEach(d -> positions.add(null));
        return positions;
    }

    /**
     * One indicator and place from every source that gives it: one row per key and source, period by period, and
     * each source's definition.
     */
    public Comparison compare(String code, String key, List<String> sourceCodes, String start, String end) {
        DataResult data = data(code, new DataQuery(key, sourceCodes, start, end, null, Set.of(), null, List.of()));
        List<Comparison.Row> rows = new ArrayList<>();
        for (SeriesData s : data.series()) {
            Map<String, Observation> values = new LinkedHashMap<>();
            s.observations().forEach(o -> values.put(o.period(), o));
            rows.add(new Comparison.Row(s.key(), s.dimensions(), s.source(), s.unit(), values));
        }
        List<String> keys = rows.stream().map(Comparison.Row::key).distinct().toList();
        return new Comparison(structure(code), keys, data.periods(), rows, data.sources());
    }

    /** Datasets with values from more than one source: those worth comparing. */
    public List<DatasetSummary> comparable() {
        return catalogue(null, null).stream().filter(d -> d.sources().size() > 1).toList();
    }

    /** The CSV header an import expects for this dataset (the simple format; SDMX-CSV works too). */
    public String csvTemplate(String code) {
        Dataset dataset = structure(code);
        List<String> columns = new ArrayList<>();
        dataset.dimensions().forEach(d -> columns.add(d.code()));
        columns.addAll(List.of("DATA_SOURCE", "TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "OBS_QUALIFIER", "PERIOD_BASIS",
                "DECIMALS", "COMMENT_OBS"));
        return String.join(",", columns) + "\r\n";
    }

    /**
     * Starts an import: the file is stored, then processed in the background ({@code wait} false: the job is
     * returned at once, queued) or in this thread ({@code wait} true: the job is returned finished, with its
     * report).
     */
    @Transactional(readOnly = false, propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public ImportJob startImport(String code, InputStream content, String fileName, String contentType, ImportMode mode,
            String defaultSource, boolean wait) {
        MarsadPrincipal user = CurrentUser.require(WRITERS);
        Dataset dataset = structure(code);
        int datasetId = datasets.id(dataset.code()).orElseThrow();
        Validation v = Validation.start().required("file", content).maxLength("fileName", fileName, 255);
        String source = defaultSource == null || defaultSource.isBlank() ? null : defaultSource.strip();
        if (source != null && !sources.exists(source)) {
            v.reject("source", "observatory.query.unknownSource", source);
        }
        v.throwIfInvalid();
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        String language = LocaleContextHolder.getLocale().getLanguage();
        long id;
        try {
            id = writeTransaction.execute(status -> {
                ImportFiles.Stored stored = files.store(content, maxImportBytes);
                return imports.insert(new ImportRepository.NewJob(datasetId, name, contentType, stored.size(), stored.sha256(),
                        stored.oid(), mode == null ? ImportMode.ALL_OR_NOTHING : mode, source,
                        List.of("fr", "ar", "en").contains(language) ? language : "fr", user.username(), wait ? worker.node() : null));
            });
        }
        catch (ImportFiles.TooLargeException e) {
            throw new ImportTooLargeException(maxImportBytes);
        }
        if (wait) {
            processor.run(id);
        }
        else {
            worker.wakeUp();
        }
        return importJob(id);
    }

    public ImportJob importJob(long id) {
        CurrentUser.require(WRITERS);
        return imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    public List<ImportJob.Error> importErrors(long id, int limit, int offset) {
        importJob(id);
        return imports.errors(id, limit, offset);
    }

    public long importErrorCount(long id) {
        importJob(id);
        return imports.countErrors(id);
    }

    public List<ImportJob> imports(String datasetCode, int limit) {
        CurrentUser.require(WRITERS);
        return imports.recent(datasetCode, limit);
    }

    @Transactional
    public Codelist createCodelist(NewCodelist input) {
        MarsadPrincipal user = CurrentUser.require(WRITERS);
        Validation v = Validation.start().required("code", input.code()).required("name", input.name())
                .matches("code", input.code(), CODE, "observatory.validation.code").maxLength("name", input.name(), 300);
        List<NewCodelist.NewCode> codes = input.codes() == null ? List.of() : input.codes();
        if (codes.isEmpty()) {
            v.reject("codes", "validation.required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            NewCodelist.NewCode c = codes.get(i);
            if (c.code() == null || !ITEM.matcher(c.code()).matches()) {
                v.reject("codes[" + i + "].code", "observatory.validation.item");
            }
            else if (!seen.add(c.code())) {
                v.reject("codes[" + i + "].code", "validation.duplicate");
            }
            if (c.label() == null || c.label().isEmpty()) {
                v.reject("codes[" + i + "].label", "validation.required");
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            String parent = codes.get(i).parent();
            if (parent != null && !parent.isBlank() && !seen.contains(parent)) {
                v.reject("codes[" + i + "].parent", "validation.unknown");
            }
        }
        v.throwIfInvalid();
        if (codelists.id(input.code()).isPresent()) {
            throw new ConflictException("code", "validation.duplicate");
        }
        int id = codelists.upsert(input.code(), input.name(), input.description(), false, user.username());
        codelists.upsertCodes(id, codes.stream().map(c -> new Codelist.Code(c.code(), c.label(), null,
                c.parent() == null || c.parent().isBlank() ? null : c.parent(), null)).toList());
        Codelist created = codelist(input.code());
        audit.record("CREATE", "codelist", input.code(), "codelist created with " + codes.size() + " codes", null,
                Map.of("code", input.code(), "codes", codes.size()), true);
        return created;
    }

    @Transactional
    public Source createSource(NewSource input) {
        MarsadPrincipal user = CurrentUser.require(WRITERS);
        Validation v = Validation.start().required("code", input.code()).required("kind", input.kind())
                .required("name", input.name()).matches("code", input.code(), CODE, "observatory.validation.code")
                .maxLength("name", input.name(), 300).maxLength("definition", input.definition(), 4000);
        String organisation = input.organisation() == null || input.organisation().isBlank() ? null : input.organisation().strip();
        if (input.kind() == SourceKind.ORGANISATION && organisation == null) {
            v.reject("organisation", "validation.required");
        }
        if (organisation != null && organisations.resolve(organisation).stream().noneMatch(o -> o.code().equals(organisation))) {
            v.reject("organisation", "validation.unknown");
        }
        v.throwIfInvalid();
        if (sources.exists(input.code())) {
            throw new ConflictException("code", "validation.duplicate");
        }
        Source source = new Source(input.code(), input.kind(), organisation, input.name(), input.definition(), List.of());
        sources.upsert(source, false, user.username());
        Source created = source(input.code());
        audit.record("CREATE", "observatory_source", input.code(), "source created", null, created, true);
        return created;
    }

    @Transactional
    public Dataset createDataset(NewDataset input) {
        MarsadPrincipal user = CurrentUser.require(WRITERS);
        Validation v = Validation.start().required("code", input.code()).required("name", input.name())
                .required("measure", input.measure()).matches("code", input.code(), CODE, "observatory.validation.code")
                .maxLength("name", input.name(), 300).maxLength("description", input.description(), 4000)
                .maxLength("measure", input.measure(), 300);
        List<NewDataset.NewDimension> dims = input.dimensions() == null ? List.of() : input.dimensions();
        if (dims.isEmpty() || dims.size() > 12) {
            v.reject("dimensions", "observatory.validation.dimensions");
        }
        Set<String> seen = new HashSet<>();
        boolean unitDimension = false;
        for (int i = 0; i < dims.size(); i++) {
            NewDataset.NewDimension d = dims.get(i);
            if (d.code() == null || !CODE.matcher(d.code()).matches() || Set.of("TIME_PERIOD", "OBS_VALUE", "DATA_SOURCE",
                    "SOURCE", "STRUCTURE", "STRUCTURE_ID", "ACTION").contains(d.code())) {
                v.reject("dimensions[" + i + "].code", "observatory.validation.code");
            }
            else if (!seen.add(d.code())) {
                v.reject("dimensions[" + i + "].code", "validation.duplicate");
            }
            unitDimension |= Dataset.UNIT_DIMENSION.equals(d.code());
            var list = d.codelist() == null ? Optional.<Codelist>empty() : codelists.find(d.codelist());
            if (list.isEmpty()) {
                v.reject("dimensions[" + i + "].codelist", "validation.unknown");
            }
            else if (d.total() != null && !d.total().isBlank() && list.get().find(d.total()).isEmpty()) {
                v.reject("dimensions[" + i + "].total", "validation.unknown");
            }
        }
        for (String theme : input.themes() == null ? List.<String>of() : input.themes()) {
            if (!THEMES.contains(theme)) {
                v.reject("themes", "observatory.validation.theme");
            }
        }
        String unit = input.unit() == null || input.unit().isBlank() ? null : input.unit().strip();
        if (unit == null && !unitDimension) {
            v.reject("unit", "validation.required");
        }
        if (unit != null && codelists.find("CL_UNIT").flatMap(l -> l.find(unit)).isEmpty()) {
            v.reject("unit", "validation.unknown");
        }
        v.throwIfInvalid();
        if (datasets.id(input.code()).isPresent()) {
            throw new ConflictException("code", "validation.duplicate");
        }
        List<Dataset.Dimension> dimensions = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            NewDataset.NewDimension d = dims.get(i);
            dimensions.add(new Dataset.Dimension(i + 1, d.code(), d.name() == null ? LocalizedText.french(d.code()) : d.name(),
                    d.codelist(), d.total() == null || d.total().isBlank() ? null : d.total()));
        }
        Dataset dataset = new Dataset(input.code(), input.name(), input.description(),
                input.themes() == null ? List.of() : input.themes(), input.measure(), unit,
                Boolean.TRUE.equals(input.additive()), dimensions, List.of(), List.of(), List.of(),
                Boolean.TRUE.equals(input.published()), 1);
        datasets.upsert(dataset, false, user.username());
        Dataset created = datasets.find(input.code()).orElseThrow();
        audit.record("CREATE", "dataset", input.code(), "dataset created", null, created, true);
        return created;
    }

    /** Publishes or withdraws a dataset from public view (its data stay). */
    @Transactional
    public Dataset publish(String code, boolean published, Integer version) {
        CurrentUser.require(WRITERS);
        Dataset before = structure(code);
        Validation.start().required("version", version).throwIfInvalid();
        if (!datasets.setPublished(code, published, version)) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        Dataset after = datasets.find(code).orElseThrow();
        audit.record("UPDATE", "dataset", code, published ? "dataset published" : "dataset withdrawn from public view",
                Map.of("published", before.published()), Map.of("published", after.published()), true);
        return after;
    }

    /** The sources, read once per request: by code, by id. */
    private record SourceIndex(Map<String, Source> byCode, Map<String, Integer> ids, Map<Integer, String> codes) {
    }

    private SourceIndex sourceIndex() {
        Map<String, Source> byCode = new HashMap<>();
        sources.all().forEach(s -> byCode.put(s.code(), s));
        Map<String, Integer> ids = sources.ids();
        Map<Integer, String> codes = new HashMap<>();
        ids.forEach((c, i) -> codes.put(i, c));
        return new SourceIndex(byCode, ids, codes);
    }

    private Map<Integer, String> sourceCodes() {
        return sourceIndex().codes();
    }

    private static Observation observation(ObservationRepository.ObsRow r) {
        return new Observation(r.period(), r.value(), r.status(), r.qualifier(), r.basis(), r.decimals(), r.note(),
                r.citation(), r.validFrom(), r.validTo());
    }

    /** Dimension values with their labels, from the dataset's codelists (read once per request). */
    private final class Labels {

        private final Dataset dataset;
        private final List<Codelist> lists = new ArrayList<>();
        private final List<Map<String, Integer>> ranks = new ArrayList<>();

        Labels(Dataset dataset) {
            this.dataset = dataset;
            lists.addAll(dimensionCodelists(dataset));
            for (Codelist list : lists) {
                Map<String, Integer> rank = new HashMap<>();
                for (int i = 0; i < list.codes().size(); i++) {
                    rank.put(list.codes().get(i).code(), i);
                }
                ranks.add(rank);
            }
        }

        /** Series in codelist order, dimension by dimension (totals and regions first, as the tables give them). */
        Comparator<SeriesData> order() {
            return (a, b) -> {
                for (int i = 0; i < ranks.size() && i < a.dimensions().size(); i++) {
                    int c = Integer.compare(ranks.get(i).getOrDefault(a.dimensions().get(i).code(), Integer.MAX_VALUE),
                            ranks.get(i).getOrDefault(b.dimensions().get(i).code(), Integer.MAX_VALUE));
                    if (c != 0) {
                        return c;
                    }
                }
                // Keys break ties between codes missing from a codelist, so the order never depends on the database's row order.
                int c = a.key().compareTo(b.key());
                return c != 0 ? c : a.source().compareTo(b.source());
            };
        }

        List<SeriesData.DimensionValue> of(List<String> dims) {
            List<SeriesData.DimensionValue> values = new ArrayList<>();
            for (int i = 0; i < dims.size() && i < lists.size(); i++) {
                String code = dims.get(i);
                values.add(new SeriesData.DimensionValue(dataset.dimensions().get(i).code(), code,
                        code.isEmpty() ? LocalizedText.of("Tous", "الكل", "All") : lists.get(i).label(code)));
            }
            return values;
        }
    }

    private static String text(LocalizedText t) {
        return t == null ? "" : String.join(" ", t.fr() == null ? "" : t.fr(), t.en() == null ? "" : t.en(),
                t.ar() == null ? "" : t.ar());
    }

    static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (char c : decomposed.toCharArray()) {
            if (c < '\u0300' || c > '\u036f') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
