package org.marsad.measures.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.LinkBasis;
import org.marsad.measures.EvaluationStatus;
import org.marsad.measures.Finding;
import org.marsad.measures.MeasureModel;
import org.marsad.measures.MigrationPhase;
import org.marsad.measures.TargetGroup;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.seed.SeedCitation;
import org.marsad.platform.seed.SeedFiles;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.platform.seed.SeedText;
import org.springframework.stereotype.Component;

/**
 * Loads the MISMES reference lists and the nine measures of the ETF report from {@code seed/measures}. Every
 * citation must point at its passage, every organisation, node, model and group must exist, or the application
 * does not start. Measures a person has edited are left as they are.
 */
@Component
class MeasureSeedLoader implements SeedLoader {

    static final String REFERENCE = "seed/measures/reference.yaml";
    static final String MEASURES = "seed/measures/measures.yaml";

    private final SeedFiles seeds;
    private final ReferenceRepository reference;
    private final MeasureRepository measures;
    private final DocumentsApi documents;
    private final FrameworksApi frameworks;
    private final OrganisationsApi organisations;

    MeasureSeedLoader(SeedFiles seeds, ReferenceRepository reference, MeasureRepository measures, DocumentsApi documents,
            FrameworksApi frameworks, OrganisationsApi organisations) {
        this.seeds = seeds;
        this.reference = reference;
        this.measures = measures;
        this.documents = documents;
        this.frameworks = frameworks;
        this.organisations = organisations;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load() {
        seeds.loadIfChanged("measures-reference", seeds.read(REFERENCE), bytes -> {
            Reference ref = seeds.readYaml(REFERENCE, Reference.class);
            int position = 0;
            for (SeedModel m : ref.models()) {
                reference.upsertModel(m.code(), position++, SeedText.of(m.title()), m.phases(),
                        List.of(citation(m.source(), "model " + m.code())));
            }
            position = 0;
            for (SeedGroup g : ref.targetGroups()) {
                reference.upsertTargetGroup(g.code(), position++, SeedText.of(g.title()));
            }
            List<ReferenceRepository.StoredPhasePoint> points = new ArrayList<>();
            for (SeedPhasePoint p : ref.phasePoints()) {
                requireNode(p.node(), "phase point " + p.phase());
                points.add(new ReferenceRepository.StoredPhasePoint(p.phase(), p.node(),
                        List.of(citation(p.source(), "phase point " + p.node()))));
            }
            reference.replacePhasePoints(points);
            return ref.models().size() + ref.targetGroups().size() + points.size();
        });
        seeds.loadIfChanged("measures", seeds.read(MEASURES), bytes -> {
            Set<String> models = new HashSet<>(reference.models().stream().map(MeasureModel::code).toList());
            Set<String> groups = new HashSet<>(reference.targetGroups().stream().map(TargetGroup::code).toList());
            int written = 0;
            for (SeedMeasure m : seeds.readYaml(MEASURES, Measures.class).measures()) {
                MeasureRepository.Row row = row(m, models, groups);
                var existing = measures.find(m.code());
                if (existing.isEmpty()) {
                    measures.insert(row, "seed");
                    written++;
                }
                else if (!existing.get().edited() && measures.update(m.code(), row, existing.get().version(), "seed")) {
                    written++;
                }
            }
            return written;
        });
    }

    private MeasureRepository.Row row(SeedMeasure m, Set<String> models, Set<String> groups) {
        String where = "measure " + m.code();
        m.models().forEach(code -> require(models.contains(code), where + ": unknown model " + code));
        m.targetGroups().forEach(code -> require(groups.contains(code), where + ": unknown target group " + code));
        m.implementers().forEach(code -> requireOrganisation(code, where));
        m.funders().forEach(code -> requireOrganisation(code, where));
        if (m.start() != null && m.end() != null) {
            require(!m.end().latest().isBefore(m.start().earliest()), where + ": ends before it starts");
        }
        SeedBudget budget = m.budget() == null ? new SeedBudget(null, null, null, null) : m.budget();
        require((budget.amount() == null) == (budget.currency() == null), where + ": a budget amount needs its currency");
        SeedBeneficiaries beneficiaries = m.beneficiaries() == null ? new SeedBeneficiaries(null, null, null) : m.beneficiaries();
        List<MeasureRepository.StoredProgramme> programmes = new ArrayList<>();
        for (SeedProgramme p : m.programmes() == null ? List.<SeedProgramme>of() : m.programmes()) {
            requireOrganisation(p.implementer(), where);
            programmes.add(new MeasureRepository.StoredProgramme(SeedText.of(p.name()), p.implementer(), SeedText.of(p.note())));
        }
        List<MeasureRepository.StoredFinding> findings = new ArrayList<>();
        for (SeedFinding f : m.findings()) {
            findings.add(new MeasureRepository.StoredFinding(f.kind(), SeedText.of(f.text()),
                    List.of(citation(f.source(), where + " finding"))));
        }
        List<MeasureRepository.StoredPoint> points = new ArrayList<>();
        for (SeedPoint p : m.points()) {
            requireNode(p.node(), where);
            List<SourceCitation> sources = citations(p.sources(), where + " point " + p.node());
            require(p.basis() != LinkBasis.STATED || !sources.isEmpty(), where + ": a STATED link must cite the statement");
            points.add(new MeasureRepository.StoredPoint(p.node(), p.basis(), SeedText.of(p.rationale()), sources));
        }
        List<SourceCitation> sources = citations(m.sources(), where);
        require(!sources.isEmpty(), where + " has no source");
        return new MeasureRepository.Row(0, m.code(), m.number(), SeedText.of(m.title()), text(m.description()), m.phase(),
                m.models(), text(m.modelsRationale()), m.targetGroups(), m.implementers(), m.funders(), text(m.funding()),
                m.start(), m.end(), text(m.duration()), budget.amount(), budget.currency(), Boolean.TRUE.equals(budget.approximate()),
                text(budget.text()), beneficiaries.min(), beneficiaries.max(), text(beneficiaries.text()),
                m.activities() == null ? List.of() : m.activities().stream().map(SeedText::toText).toList(),
                programmes, m.evaluation(), findings, points, List.of(), sources, false, 0, null, null, false, null, null);
    }

    private void requireOrganisation(String code, String where) {
        require(organisations.resolve(code).stream().anyMatch(o -> o.code().equals(code)),
                where + ": " + code + " is not a registered organisation code");
    }

    private void requireNode(String code, String where) {
        require(frameworks.findNode(code).isPresent(), where + ": unknown framework node " + code);
    }

    private SourceCitation citation(SeedCitation seed, String where) {
        require(seed != null, where + " has no source");
        SourceCitation citation = seed.toCitation();
        try {
            documents.verify(citation);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        return citation;
    }

    private List<SourceCitation> citations(List<SeedCitation> seeds, String where) {
        List<SourceCitation> list = new ArrayList<>();
        for (SeedCitation c : seeds == null ? List.<SeedCitation>of() : seeds) {
            list.add(citation(c, where));
        }
        return list;
    }

    private static LocalizedText text(SeedText t) {
        return t == null ? null : t.toText();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Seed " + MEASURES + ": " + message);
        }
    }

    record Reference(List<SeedModel> models, List<SeedPhasePoint> phasePoints, List<SeedGroup> targetGroups) {
    }

    record SeedModel(String code, SeedText title, List<MigrationPhase> phases, SeedCitation source) {
    }

    record SeedPhasePoint(MigrationPhase phase, String node, SeedCitation source) {
    }

    record SeedGroup(String code, SeedText title) {
    }

    record Measures(List<SeedMeasure> measures) {
    }

    record SeedMeasure(String code, Integer number, SeedText title, SeedText description, MigrationPhase phase,
            List<String> models, SeedText modelsRationale, List<String> targetGroups, List<String> implementers,
            List<String> funders, SeedText funding, PartialDate start, PartialDate end, SeedText duration, SeedBudget budget,
            SeedBeneficiaries beneficiaries, List<SeedText> activities, List<SeedProgramme> programmes,
            EvaluationStatus evaluation, List<SeedFinding> findings, List<SeedPoint> points, List<SeedCitation> sources) {
    }

    record SeedBudget(BigDecimal amount, String currency, Boolean approximate, SeedText text) {
    }

    record SeedBeneficiaries(Integer min, Integer max, SeedText text) {
    }

    record SeedProgramme(SeedText name, String implementer, SeedText note) {
    }

    record SeedFinding(Finding.Kind kind, SeedText text, SeedCitation source) {
    }

    record SeedPoint(String node, LinkBasis basis, SeedText rationale, List<SeedCitation> sources) {
    }
}
