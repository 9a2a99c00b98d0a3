package org.marsad.observatory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

import org.marsad.documents.DocumentsApi;
import org.marsad.observatory.Codelist;
import org.marsad.observatory.Dataset;
import org.marsad.observatory.Derivation;
import org.marsad.observatory.ObsStatus;
import org.marsad.observatory.PeriodBasis;
import org.marsad.observatory.Qualifier;
import org.marsad.observatory.Source;
import org.marsad.observatory.SourceKind;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the observatory's codelists, sources and datasets from {@code seed/observatory}. Every observation and
 * every published figure cites its document, locator, lines and a verbatim quote, checked against the document;
 * every code must be in its codelist and every source registered, or the application does not start.
 */
@Component
class ObservatorySeedLoader implements SeedLoader {

    static final String FOLDER = "seed/observatory/";

    private final SeedFiles seeds;
    private final CodelistRepository codelists;
    private final SourceRepository sources;
    private final DatasetRepository datasets;
    private final ObservationRepository observations;
    private final DocumentsApi documents;
    private final OrganisationsApi organisations;
    private final JdbcClient jdbc;
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    ObservatorySeedLoader(SeedFiles seeds, CodelistRepository codelists, SourceRepository sources, DatasetRepository datasets,
            ObservationRepository observations, DocumentsApi documents, OrganisationsApi organisations, JdbcClient jdbc) {
        this.seeds = seeds;
        this.codelists = codelists;
        this.sources = sources;
        this.datasets = datasets;
        this.observations = observations;
        this.documents = documents;
        this.organisations = organisations;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load() {
        seeds.loadIfChanged("observatory-codelists", seeds.read(FOLDER + "codelists.yaml"),
                bytes -> loadCodelists(seeds.readYaml(FOLDER + "codelists.yaml", SeedCodelists.class)));
        seeds.loadIfChanged("observatory-sources", seeds.read(FOLDER + "sources.yaml"),
                bytes -> loadSources(seeds.readYaml(FOLDER + "sources.yaml", SeedSources.class)));
        for (String file : datasetFiles()) {
            String path = FOLDER + "datasets/" + file;
            seeds.loadIfChanged("observatory-" + file, seeds.read(path),
                    bytes -> loadDataset(seeds.readYaml(path, SeedDataset.class), file));
        }
    }

    static List<String> datasetFiles() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "datasets/*.yaml");
            return Arrays.stream(resources).map(Resource::getFilename).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int loadCodelists(SeedCodelists file) {
        int count = 0;
        for (SeedCodelist list : file.codelists()) {
            int id = codelists.upsert(list.code(), SeedText.of(list.name()), list.description() == null ? null : list.description().toText(),
                    true, "seed");
            List<Codelist.Code> codes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (SeedCode c : list.codes() == null ? List.<SeedCode>of() : list.codes()) {
                codes.add(new Codelist.Code(c.code(), SeedText.of(c.label()), c.description() == null ? null : c.description().toText(),
                        c.parent(), null));
                seen.add(c.code());
            }
            if (Boolean.TRUE.equals(list.countries())) {
                Map<String, String> parents = new HashMap<>();
                if (list.parents() != null) {
                    list.parents().forEach((parent, children) -> children.forEach(child -> parents.put(child, parent)));
                }
                for (String country : Locale.getISOCountries()) {
                    if (seen.add(country)) {
                        codes.add(new Codelist.Code(country, countryName(country), null, parents.get(country), alpha3(country)));
                    }
                }
                parents.keySet().stream().filter(c -> !seen.contains(c)).findFirst().ifPresent(c -> {
                    throw new IllegalStateException("codelist " + list.code() + ": parent given for unknown code " + c);
                });
            }
            for (Codelist.Code c : codes) {
                if (c.parent() != null && !seen.contains(c.parent())) {
                    throw new IllegalStateException("codelist " + list.code() + ": code " + c.code() + " has unknown parent " + c.parent());
                }
            }
            codelists.upsertCodes(id, codes);
            count += 1 + codes.size();
        }
        return count;
    }

    /** A country's name in French, Arabic and English, from the JDK's locale data (CLDR). */
    static LocalizedText countryName(String code) {
        Locale country = Locale.of("", code);
        return LocalizedText.of(country.getDisplayCountry(Locale.FRENCH), country.getDisplayCountry(Locale.forLanguageTag("ar")),
                country.getDisplayCountry(Locale.ENGLISH));
    }

    static String alpha3(String code) {
        try {
            String alpha3 = Locale.of("", code).getISO3Country();
            return alpha3.isBlank() ? null : alpha3;
        }
        catch (MissingResourceException e) {
            return null;
        }
    }

    private int loadSources(SeedSources file) {
        for (SeedSource s : file.sources()) {
            String where = "observatory source " + s.code();
            if (s.organisation() != null && organisations.resolve(s.organisation()).stream().noneMatch(o -> o.code().equals(s.organisation()))) {
                throw new IllegalStateException(where + ": organisation " + s.organisation() + " is not registered");
            }
            if (s.kind() == SourceKind.ORGANISATION && s.organisation() == null) {
                throw new IllegalStateException(where + ": an ORGANISATION source names its organisation");
            }
            sources.upsert(new Source(s.code(), s.kind(), s.organisation(), SeedText.of(s.name()), SeedText.of(s.definition()),
                    citations(s.sources(), where)), true, "seed");
        }
        return file.sources().size();
    }

    private int loadDataset(SeedDataset d, String file) {
        String where = "observatory dataset " + file;
        if (!file.equals(d.code() + ".yaml")) {
            throw new IllegalStateException(where + ": file name must be the dataset code, " + d.code() + ".yaml");
        }
        List<Dataset.Dimension> dimensions = new ArrayList<>();
        List<Set<String>> codes = new ArrayList<>();
        for (int i = 0; i < d.dimensions().size(); i++) {
            SeedDimension dim = d.dimensions().get(i);
            Set<String> set = codelists.codeSet(dim.codelist());
            if (set.isEmpty()) {
                throw new IllegalStateException(where + ": unknown codelist " + dim.codelist());
            }
            if (dim.total() != null && !set.contains(dim.total())) {
                throw new IllegalStateException(where + ": total " + dim.total() + " is not in " + dim.codelist());
            }
            codes.add(set);
            dimensions.add(new Dataset.Dimension(i + 1, dim.code(), SeedText.of(dim.name()), dim.codelist(), dim.total()));
        }
        List<Dataset.AggregateRule> aggregates = d.aggregates() == null ? List.of() : d.aggregates();
        for (Dataset.AggregateRule rule : aggregates) {
            int position = dimensions.stream().filter(x -> x.code().equals(rule.dimension())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(where + ": aggregate on unknown dimension " + rule.dimension()))
                    .position() - 1;
            for (String c : concat(rule.total(), rule.parts())) {
                if (!codes.get(position).contains(c)) {
                    throw new IllegalStateException(where + ": aggregate code " + c + " is not in " + rule.dimension());
                }
            }
        }
        List<Dataset.Note> notes = new ArrayList<>();
        for (SeedNote n : d.notes() == null ? List.<SeedNote>of() : d.notes()) {
            notes.add(new Dataset.Note(SeedText.of(n.text()), citation(n.source(), where + " note")));
        }
        Dataset dataset = new Dataset(d.code(), SeedText.of(d.name()), SeedText.of(d.description()), d.themes(),
                SeedText.of(d.measure()), d.unit(), d.additive(), dimensions, aggregates, notes, citations(d.sources(), where),
                true, 1);
        int id = datasets.upsert(dataset, true, "seed");
        Map<String, Integer> sourceIds = sources.ids();
        OffsetDateTime now = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
        int count = 0;
        long inserted = 0;
        Set<Integer> used = new HashSet<>();
        Periods.Period first = null;
        Periods.Period last = null;
        Set<String> seenKeys = new HashSet<>();
        for (SeedTable table : d.tables()) {
            Integer sourceId = sourceIds.get(table.source());
            if (sourceId == null) {
                throw new IllegalStateException(where + ": unknown source " + table.source());
            }
            used.add(sourceId);
            for (SeedRow row : table.rows()) {
                String at = where + " " + table.source() + " " + row.key();
                List<String> dims = List.of(row.key().split("\\.", -1));
                if (dims.size() != dimensions.size()) {
                    throw new IllegalStateException(at + ": key has " + dims.size() + " positions, the dataset " + dimensions.size());
                }
                for (int i = 0; i < dims.size(); i++) {
                    if (!codes.get(i).contains(dims.get(i))) {
                        throw new IllegalStateException(at + ": " + dims.get(i) + " is not in " + dimensions.get(i).codelist());
                    }
                }
                long seriesId = observations.resolveSeries(id, List.of(row.key())).get(row.key());
                for (var entry : row.values().entrySet()) {
                    SeedCell cell = cell(entry.getValue(), at);
                    Periods.Period period = Periods.parse(entry.getKey())
                            .orElseThrow(() -> new IllegalStateException(at + ": bad period " + entry.getKey()));
                    if (!seenKeys.add(row.key() + "|" + table.source() + "|" + period.value())) {
                        throw new IllegalStateException(at + ": " + period.value() + " given twice for this source");
                    }
                    SourceCitation citation = citation(new SeedCitation(
                            first(cell.document(), row.document(), table.document()),
                            first(cell.locator(), row.locator(), table.locator()),
                            first(cell.lines(), row.lines()), first(cell.quote(), row.quote())), at + " " + period.value());
                    ObservationRepository.ObsWrite write = new ObservationRepository.ObsWrite(period, cell.value(),
                            first(cell.status(), row.status(), table.status(), ObsStatus.A),
                            first(cell.qualifier(), row.qualifier(), table.qualifier()),
                            first(cell.periodBasis(), row.periodBasis(), table.periodBasis(), PeriodBasis.STATED),
                            first(cell.decimals(), row.decimals()),
                            text(first(cell.note(), row.note(), table.note())), citation, "seed");
                    if (observations.write(seriesId, sourceId, write, now) == ObservationRepository.WriteOutcome.INSERTED) {
                        inserted++;
                    }
                    first = first == null || period.compareTo(first) < 0 ? period : first;
                    last = last == null || period.end().isAfter(last.end()) ? period : last;
                    count++;
                }
                for (SeedFigure f : row.published() == null ? List.<SeedFigure>of() : row.published()) {
                    String fat = at + " " + f.kind() + " " + f.period();
                    if (Periods.parse(f.period()).isEmpty() || (f.basePeriod() != null && Periods.parse(f.basePeriod()).isEmpty())) {
                        throw new IllegalStateException(fat + ": bad period");
                    }
                    if (f.kind() == Derivation.SHARE && f.base() == null) {
                        throw new IllegalStateException(fat + ": a share names its base (the total it divides by)");
                    }
                    if (f.kind() != Derivation.SHARE && f.basePeriod() == null) {
                        throw new IllegalStateException(fat + ": a change or growth rate names its base period");
                    }
                    SourceCitation citation = citation(new SeedCitation(first(f.document(), row.document(), table.document()),
                            first(f.locator(), row.locator(), table.locator()), first(f.lines(), row.lines()),
                            first(f.quote(), row.quote())), fat);
                    observations.upsertFigure(id, new ObservationRepository.FigureRow(row.key(), sourceId, table.source(), f.kind(),
                            f.period(), f.basePeriod(), f.base(), f.value(), Math.max(0, f.value().scale()), f.qualifier(), citation));
                    count++;
                }
            }
        }
        datasets.recordWrite(id, inserted, first == null ? null : first.value(), first == null ? null : first.start(),
                last == null ? null : last.value(), last == null ? null : last.end(), used);
        return count;
    }

    private SeedCell cell(JsonNode node, String where) {
        if (node.isNumber()) {
            return new SeedCell(node.decimalValue(), null, null, null, null, null, null, null, null, null);
        }
        if (node.isObject()) {
            return mapper.treeToValue(node, SeedCell.class);
        }
        throw new IllegalStateException(where + ": a value is a number or {value: …}");
    }

    private List<SourceCitation> citations(List<SeedCitation> list, String where) {
        List<SourceCitation> result = new ArrayList<>();
        for (SeedCitation c : list == null ? List.<SeedCitation>of() : list) {
            result.add(citation(c, where));
        }
        return result;
    }

    private SourceCitation citation(SeedCitation c, String where) {
        if (c == null || c.document() == null || c.locator() == null || c.quote() == null) {
            throw new IllegalStateException(where + ": needs a citation with document, locator, lines and quote");
        }
        try {
            SourceCitation citation = c.toCitation();
            documents.verify(citation);
            return citation;
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static LocalizedText text(SeedText t) {
        return t == null ? null : t.toText();
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T t : candidates) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest == null ? List.of() : rest);
        return all;
    }

    record SeedCodelists(List<SeedCodelist> codelists) {
    }

    record SeedCodelist(String code, SeedText name, SeedText description, Boolean countries, List<SeedCode> codes,
            Map<String, List<String>> parents) {
    }

    record SeedCode(String code, SeedText label, SeedText description, String parent) {
    }

    record SeedSources(List<SeedSource> sources) {
    }

    record SeedSource(String code, SourceKind kind, String organisation, SeedText name, SeedText definition,
            List<SeedCitation> sources) {
    }

    record SeedDataset(String code, SeedText name, SeedText description, List<String> themes, SeedText measure, String unit,
            boolean additive, List<SeedDimension> dimensions, List<Dataset.AggregateRule> aggregates, List<SeedNote> notes,
            List<SeedCitation> sources, List<SeedTable> tables) {
    }

    record SeedDimension(String code, String codelist, String total, SeedText name) {
    }

    record SeedNote(SeedText text, SeedCitation source) {
    }

    record SeedTable(String source, String document, String locator, SeedText note, ObsStatus status, Qualifier qualifier,
            PeriodBasis periodBasis, List<SeedRow> rows) {
    }

    record SeedRow(String key, String document, String locator, List<Integer> lines, String quote,
            LinkedHashMap<String, JsonNode> values, ObsStatus status, Qualifier qualifier, PeriodBasis periodBasis,
            SeedText note, Integer decimals, List<SeedFigure> published) {
    }

    record SeedCell(BigDecimal value, ObsStatus status, Qualifier qualifier, PeriodBasis periodBasis, SeedText note,
            Integer decimals, List<Integer> lines, String quote, String locator, String document) {
    }

    record SeedFigure(Derivation kind, String period, String basePeriod, String base, BigDecimal value, Qualifier qualifier,
            String document, String locator, List<Integer> lines, String quote) {
    }
}
