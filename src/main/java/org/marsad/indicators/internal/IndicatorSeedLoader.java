package org.marsad.indicators.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.indicators.Dimension;
import org.marsad.indicators.MeasureKind;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/**
 * Loads the result figures the documents state ({@code seed/indicators/indicators.yaml}). Every period cites its
 * passage, every node exists, percentages lie within 0–100 and breakdowns add up, or the application does not
 * start. A seeded value that a person has since corrected is left as the person left it.
 */
@Component
class IndicatorSeedLoader implements SeedLoader {

    static final String FILE = "seed/indicators/indicators.yaml";
    static final BigDecimal HUNDRED = new BigDecimal(100);

    private final SeedFiles seeds;
    private final IndicatorRepository indicators;
    private final DocumentsApi documents;
    private final FrameworksApi frameworks;

    IndicatorSeedLoader(SeedFiles seeds, IndicatorRepository indicators, DocumentsApi documents, FrameworksApi frameworks) {
        this.seeds = seeds;
        this.indicators = indicators;
        this.documents = documents;
        this.frameworks = frameworks;
    }

    @Override
    public int order() {
        return 510;
    }

    @Override
    public void load() {
        seeds.loadIfChanged("indicators", seeds.read(FILE), bytes -> {
            int written = 0;
            for (SeedIndicator s : seeds.readYaml(FILE, Indicators.class).indicators()) {
                written += load(s);
            }
            return written;
        });
    }

    private int load(SeedIndicator s) {
        String where = "indicator " + s.code();
        s.nodes().forEach(node -> require(frameworks.findNode(node).isPresent(), where + ": unknown framework node " + node));
        require(!s.nodes().isEmpty(), where + " is attached to no node");
        require(!s.periods().isEmpty(), where + " has no period");
        List<IndicatorRepository.StoredPeriod> periods = new ArrayList<>();
        LinkedHashSet<SourceCitation> all = new LinkedHashSet<>();
        for (SeedPeriod p : s.periods()) {
            String at = where + " period " + p.start();
            List<SourceCitation> sources = citations(p.sources(), at);
            require(!sources.isEmpty(), at + " cites no source");
            all.addAll(sources);
            if (s.measure() == MeasureKind.QUALITATIVE) {
                require(p.target() == null && p.actual() == null, at + ": a qualitative indicator takes texts, not numbers");
            }
            else {
                require(p.target() != null || p.actual() != null, at + " has neither target nor actual");
            }
            for (BigDecimal value : new BigDecimal[] {p.target(), p.actual(), p.actualUpper(), s.baseline() == null ? null : s.baseline().value()}) {
                require(value == null || value.signum() >= 0, at + ": negative value");
                require(value == null || s.measure() != MeasureKind.PERCENTAGE || value.compareTo(HUNDRED) <= 0,
                        at + ": a percentage above 100");
            }
            if (p.start() != null && p.end() != null) {
                require(!p.end().latest().isBefore(p.start().earliest()), at + " ends before it starts");
            }
            periods.add(new IndicatorRepository.StoredPeriod(0, p.start(), p.end(), p.target(), text(p.targetText()),
                    text(p.targetComment()), dimensions(p.targetDimensions(), p.target(), at), p.actual(), p.actualUpper(),
                    text(p.actualText()), text(p.actualComment()), dimensions(p.actualDimensions(), p.actual(), at),
                    Boolean.TRUE.equals(p.approximate()), null, sources, "seed", null, null, null, null));
        }
        SeedBaseline baseline = s.baseline() == null ? new SeedBaseline(null, null, null) : s.baseline();
        IndicatorRepository.Row row = new IndicatorRepository.Row(0, s.code(), SeedText.of(s.title()), text(s.description()),
                s.measure(), text(s.unit()), s.ascending() == null || s.ascending(), s.nodes(), List.of(), baseline.year(), baseline.value(),
                text(baseline.comment()), text(s.rationale()), List.copyOf(all), false, 0, null, false, null, null);
        var existing = indicators.find(s.code());
        long id;
        int written = 0;
        if (existing.isEmpty()) {
            id = indicators.insert(row, "seed");
            written++;
        }
        else {
            id = existing.get().id();
            if (!existing.get().edited() && indicators.update(id, row, existing.get().version())) {
                written++;
            }
        }
        for (IndicatorRepository.StoredPeriod p : periods) {
            var live = indicators.livePeriod(id, p.start(), p.end());
            if (live.isEmpty()) {
                indicators.insertPeriod(id, p);
                written++;
            }
            else if ("seed".equals(live.get().enteredBy()) && !sameValues(live.get(), p)) {
                indicators.supersede(live.get().id(), "seed", "seed file updated");
                indicators.insertPeriod(id, p);
                written++;
            }
        }
        return written;
    }

    private static boolean sameValues(IndicatorRepository.StoredPeriod a, IndicatorRepository.StoredPeriod b) {
        return same(a.target(), b.target()) && same(a.actual(), b.actual()) && same(a.actualUpper(), b.actualUpper())
                && Objects.equals(a.actualText(), b.actualText()) && Objects.equals(a.targetText(), b.targetText())
                && Objects.equals(a.actualComment(), b.actualComment()) && Objects.equals(a.targetComment(), b.targetComment())
                && Objects.equals(a.actualDimensions(), b.actualDimensions()) && Objects.equals(a.sources(), b.sources())
                && a.approximate() == b.approximate();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private List<Dimension> dimensions(List<SeedDimension> seedDimensions, BigDecimal total, String where) {
        List<Dimension> out = new ArrayList<>();
        for (SeedDimension d : seedDimensions == null ? List.<SeedDimension>of() : seedDimensions) {
            List<Dimension.Item> items = d.items().stream().map(i -> new Dimension.Item(i.label(), i.value())).toList();
            if (Boolean.TRUE.equals(d.breakdown())) {
                BigDecimal sum = items.stream().map(Dimension.Item::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                require(total != null && sum.compareTo(total) == 0,
                        where + ": breakdown by " + d.name() + " adds up to " + sum + ", not " + total);
            }
            out.add(new Dimension(d.name(), Boolean.TRUE.equals(d.breakdown()), items));
        }
        return out;
    }

    private List<SourceCitation> citations(List<SeedCitation> seedCitations, String where) {
        List<SourceCitation> list = new ArrayList<>();
        for (SeedCitation c : seedCitations == null ? List.<SeedCitation>of() : seedCitations) {
            SourceCitation citation = c.toCitation();
            try {
                documents.verify(citation);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
            list.add(citation);
        }
        return list;
    }

    private static LocalizedText text(SeedText t) {
        return t == null ? null : t.toText();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Seed " + FILE + ": " + message);
        }
    }

    record Indicators(List<SeedIndicator> indicators) {
    }

    record SeedIndicator(String code, SeedText title, SeedText description, MeasureKind measure, SeedText unit,
            Boolean ascending, List<String> nodes, SeedText rationale, SeedBaseline baseline, List<SeedPeriod> periods,
            List<SeedCitation> sources) {
    }

    record SeedBaseline(Integer year, BigDecimal value, SeedText comment) {
    }

    record SeedPeriod(PartialDate start, PartialDate end, BigDecimal target, BigDecimal actual, BigDecimal actualUpper,
            Boolean approximate, SeedText targetComment, SeedText actualComment, SeedText targetText, SeedText actualText,
            List<SeedDimension> targetDimensions, List<SeedDimension> actualDimensions, List<SeedCitation> sources) {
    }

    record SeedDimension(String name, Boolean breakdown, List<SeedItem> items) {
    }

    record SeedItem(String label, BigDecimal value) {
    }
}
