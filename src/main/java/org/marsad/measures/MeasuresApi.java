package org.marsad.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.LinkBasis;
import org.marsad.frameworks.NodeRef;
import org.marsad.measures.internal.MeasureRepository;
import org.marsad.measures.internal.ReferenceRepository;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InitiativeDirectory;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory of migrant support measures. Anyone reads. COORDINATOR and ADMIN create, edit and withdraw any
 * measure; a FOCAL_POINT creates and edits the measures its organisation implements or funds. Every write is
 * validated field by field, versioned and audited; measures are withdrawn, never deleted.
 */
@Service
@Transactional(readOnly = true)
public class MeasuresApi {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,39}$");
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 50;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    private final MeasureRepository measures;
    private final ReferenceRepository reference;
    private final OrganisationsApi organisations;
    private final FrameworksApi frameworks;
    private final DocumentsApi documents;
    private final AuditLog audit;
    private final ObjectProvider<InitiativeDirectory> initiatives;

    MeasuresApi(MeasureRepository measures, ReferenceRepository reference, OrganisationsApi organisations,
            FrameworksApi frameworks, DocumentsApi documents, AuditLog audit, ObjectProvider<InitiativeDirectory> initiatives) {
        this.measures = measures;
        this.reference = reference;
        this.organisations = organisations;
        this.frameworks = frameworks;
        this.documents = documents;
        this.audit = audit;
        this.initiatives = initiatives;
    }

    public List<MeasureModel> models() {
        return reference.models();
    }

    public List<TargetGroup> targetGroups() {
        return reference.targetGroups();
    }

    public PageResult<Measure> search(MeasureFilter filter, PageQuery page) {
        validateFilter(filter);
        Resolver resolver = new Resolver();
        List<Measure> items = measures.search(filter, page.size(), page.offset()).stream().map(resolver::measure).toList();
        return new PageResult<>(items, page.page(), page.size(), measures.count(filter));
    }

    /** Every measure matching the filter, for exports. */
    public List<Measure> all(MeasureFilter filter) {
        validateFilter(filter);
        Resolver resolver = new Resolver();
        return measures.search(filter, Integer.MAX_VALUE, 0).stream().map(resolver::measure).toList();
    }

    public Measure get(String code) {
        return new Resolver().measure(row(code));
    }

    public long count() {
        return measures.countLive();
    }

    /** The partner initiatives a measure is linked to, named when the initiatives module can name them. */
    public List<InitiativeDirectory.InitiativeRef> initiativesOf(Measure measure) {
        InitiativeDirectory directory = initiatives.getIfAvailable();
        return measure.initiatives().stream()
                .map(id -> Optional.ofNullable(directory).flatMap(d -> d.find(id))
                        .orElse(new InitiativeDirectory.InitiativeRef(id, null, null)))
                .toList();
    }

    public boolean initiativesAvailable() {
        return initiatives.getIfAvailable() != null;
    }

    /** Whether the current user may edit this measure (the same rule the writes enforce). */
    public boolean canEdit(Measure measure) {
        Optional<MarsadPrincipal> user = CurrentUser.get();
        if (user.isEmpty() || measure.withdrawn()) {
            return false;
        }
        if (user.get().hasAny(Role.COORDINATOR, Role.ADMIN)) {
            return true;
        }
        return user.get().has(Role.FOCAL_POINT) && measure.involves(organisationOf(user.get()));
    }

    /** Whether the current user may create measures at all (for their own organisation, if a focal point). */
    public boolean canCreate() {
        return CurrentUser.has(Role.COORDINATOR, Role.ADMIN)
                || CurrentUser.get().filter(u -> u.has(Role.FOCAL_POINT) && u.organisationId() != null).isPresent();
    }

    /**
     * The gap matrix: counts of live measures by phase × model for one target group (or all), by phase × target
     * group, and for every phase × model × group combination; the models, phases and groups without any measure;
     * and the framework points the ETF report relates to each phase, with their measures.
     */
    public GapMatrix gaps(String targetGroup) {
        List<MeasureModel> models = reference.models();
        List<TargetGroup> groups = reference.targetGroups();
        String group = targetGroup == null || targetGroup.isBlank() ? null : targetGroup.strip();
        if (group != null && groups.stream().noneMatch(g -> g.code().equals(group))) {
            throw new InvalidInputException("targetGroup", "validation.unknown");
        }
        List<MeasureRepository.Row> live = measures.search(MeasureFilter.all(), Integer.MAX_VALUE, 0);
        List<MigrationPhase> phases = List.of(MigrationPhase.values());
        List<GapMatrix.Cell> cells = new ArrayList<>();
        for (MeasureModel model : models) {
            for (MigrationPhase phase : phases) {
                List<String> codes = live.stream()
                        .filter(m -> m.phase() == phase && m.models().contains(model.code())
                                && (group == null || m.targetGroups().contains(group)))
                        .map(MeasureRepository.Row::code).toList();
                cells.add(new GapMatrix.Cell(phase, model.code(), codes.size(), codes,
                        model.expectedIn(phase) || (model.phases().isEmpty() && phase == MigrationPhase.CROSS_PHASE)));
            }
        }
        List<GapMatrix.GroupCell> groupCells = new ArrayList<>();
        for (TargetGroup g : groups) {
            for (MigrationPhase phase : phases) {
                List<String> codes = live.stream().filter(m -> m.phase() == phase && m.targetGroups().contains(g.code()))
                        .map(MeasureRepository.Row::code).toList();
                groupCells.add(new GapMatrix.GroupCell(phase, g.code(), codes.size(), codes));
            }
        }
        List<GapMatrix.CubeCell> cube = new ArrayList<>();
        for (MigrationPhase phase : phases) {
            for (MeasureModel model : models) {
                for (TargetGroup g : groups) {
                    int count = (int) live.stream().filter(m -> m.phase() == phase && m.models().contains(model.code())
                            && m.targetGroups().contains(g.code())).count();
                    cube.add(new GapMatrix.CubeCell(phase, model.code(), g.code(), count));
                }
            }
        }
        List<String> emptyModels = models.stream().map(MeasureModel::code)
                .filter(code -> live.stream().noneMatch(m -> m.models().contains(code))).toList();
        List<MigrationPhase> emptyPhases = phases.stream()
                .filter(phase -> live.stream().noneMatch(m -> m.phase() == phase)).toList();
        List<String> emptyGroups = groups.stream().map(TargetGroup::code)
                .filter(code -> live.stream().noneMatch(m -> m.targetGroups().contains(code))).toList();
        Map<String, NodeRef> nodes = new HashMap<>();
        List<PhasePoint> points = reference.phasePoints().stream().map(p -> new PhasePoint(p.phase(),
                nodes.computeIfAbsent(p.node(), this::nodeRef), p.sources(),
                live.stream().filter(m -> m.points().stream().anyMatch(l -> l.node().equals(p.node())))
                        .map(MeasureRepository.Row::code).toList())).toList();
        return new GapMatrix(phases, models, groups, group, live.size(), cells, groupCells, cube, emptyModels,
                emptyPhases, emptyGroups, points);
    }

    @Transactional
    public Measure create(MeasureInput input) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN, Role.FOCAL_POINT);
        String code = input.code() == null ? "" : input.code().strip().toUpperCase(Locale.ROOT);
        Validation v = Validation.start();
        v.required("code", code).matches("code", code, CODE, "validation.code");
        MeasureRepository.Row row = validate(input, code, v, null);
        if (user.has(Role.FOCAL_POINT) && !user.hasAny(Role.COORDINATOR, Role.ADMIN)
                && !involves(row, organisationOf(user))) {
            throw new AccessDeniedException("a focal point creates measures of its own organisation only");
        }
        v.throwIfInvalid();
        if (measures.find(code).isPresent()) {
            throw new ConflictException("code", "validation.duplicate");
        }
        measures.insert(row, user.username());
        Measure created = get(code);
        audit.record("CREATE", "measure", code, "measure created", null, created, true);
        return created;
    }

    @Transactional
    public Measure update(String code, MeasureInput input) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN, Role.FOCAL_POINT);
        Measure before = get(code);
        boolean coordinator = user.hasAny(Role.COORDINATOR, Role.ADMIN);
        if (!coordinator && !before.involves(organisationOf(user))) {
            throw new AccessDeniedException("a focal point edits measures of its own organisation only");
        }
        if (before.withdrawn()) {
            throw new ConflictException("code", "measures.withdrawnMeasure");
        }
        Validation v = Validation.start();
        MeasureRepository.Row row = validate(input, code, v, before);
        if (!coordinator && !involves(row, organisationOf(user))) {
            v.reject("implementers", "measures.keepOwnOrganisation");
        }
        if (input.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        if (!measures.update(code, row, input.version(), user.username())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        Measure after = get(code);
        audit.record("UPDATE", "measure", code, "measure updated", before, after, true);
        return after;
    }

    @Transactional
    public Measure withdraw(String code, String reason) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        Measure before = get(code);
        Validation.start().required("reason", reason).maxLength("reason", reason, 1000).throwIfInvalid();
        if (before.withdrawn()) {
            throw new ConflictException("code", "measures.withdrawnMeasure");
        }
        measures.withdraw(code, user.username(), reason.strip());
        Measure after = get(code);
        audit.record("WITHDRAW", "measure", code, reason.strip(), before, after, true);
        return after;
    }

    private MeasureRepository.Row validate(MeasureInput in, String code, Validation v, Measure existing) {
        LocalizedText title = orEmpty(in.title());
        v.required("title.fr", title.fr()).maxLength("title", title, 500);
        v.maxLength("description", in.description(), MAX_TEXT).maxLength("modelsRationale", in.modelsRationale(), MAX_TEXT)
                .maxLength("funding", in.funding(), 1000).maxLength("duration", in.duration(), 500)
                .maxLength("budgetText", in.budgetText(), 1000).maxLength("beneficiariesText", in.beneficiariesText(), 1000);
        if (in.number() != null && (in.number() < 1 || in.number() > 9999)) {
            v.reject("number", "validation.between", 1, 9999);
        }
        MigrationPhase phase = parse(MigrationPhase.class, in.phase(), "phase", v, true);
        EvaluationStatus evaluation = parse(EvaluationStatus.class, in.evaluation(), "evaluation", v, true);

        Set<String> modelCodes = new HashSet<>(reference.models().stream().map(MeasureModel::code).toList());
        List<String> models = codes(in.models(), "models", modelCodes::contains, v);
        if (models.isEmpty()) {
            v.reject("models", "validation.required");
        }
        Set<String> groupCodes = new HashSet<>(reference.targetGroups().stream().map(TargetGroup::code).toList());
        List<String> groups = codes(in.targetGroups(), "targetGroups", groupCodes::contains, v);

        List<String> implementers = organisationCodes(in.implementers(), "implementers", v);
        if (implementers.isEmpty()) {
            v.reject("implementers", "validation.required");
        }
        List<String> funders = organisationCodes(in.funders(), "funders", v);

        PartialDate start = v.partialDate("start", in.start());
        PartialDate end = v.partialDate("end", in.end());
        if (start != null && end != null && end.latest().isBefore(start.earliest())) {
            v.reject("end", "measures.endBeforeStart");
        }

        BigDecimal amount = in.budgetAmount();
        String currency = in.budgetCurrency() == null || in.budgetCurrency().isBlank() ? null
                : in.budgetCurrency().strip().toUpperCase(Locale.ROOT);
        if (amount != null) {
            if (amount.signum() < 0) {
                v.reject("budgetAmount", "measures.notNegative");
            }
            else if (amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 2) {
                v.reject("budgetAmount", "measures.amount");
            }
            if (currency == null) {
                v.reject("budgetCurrency", "validation.required");
            }
        }
        else if (currency != null) {
            v.reject("budgetAmount", "validation.required");
        }
        if (currency != null && !isCurrency(currency)) {
            v.reject("budgetCurrency", "measures.currency");
        }

        Integer min = in.beneficiariesMin();
        Integer max = in.beneficiariesMax();
        if (min != null && min < 0) {
            v.reject("beneficiariesMin", "measures.notNegative");
        }
        if (max != null && max < 0) {
            v.reject("beneficiariesMax", "measures.notNegative");
        }
        if (min != null && max != null && max < min) {
            v.reject("beneficiariesMax", "measures.maxBelowMin");
        }

        List<LocalizedText> activities = new ArrayList<>();
        List<LocalizedText> inActivities = in.activities() == null ? List.of() : in.activities();
        v.atMost("activities", inActivities.size(), MAX_ITEMS);
        for (int i = 0; i < inActivities.size(); i++) {
            LocalizedText a = orEmpty(inActivities.get(i));
            if (a.isEmpty()) {
                v.reject("activities[" + i + "]", "validation.required");
            }
            else {
                v.maxLength("activities[" + i + "]", a, 1000);
                activities.add(a);
            }
        }

        List<MeasureRepository.StoredProgramme> programmes = new ArrayList<>();
        List<MeasureInput.ProgrammeInput> inProgrammes = in.programmes() == null ? List.of() : in.programmes();
        v.atMost("programmes", inProgrammes.size(), MAX_ITEMS);
        for (int i = 0; i < inProgrammes.size(); i++) {
            MeasureInput.ProgrammeInput p = inProgrammes.get(i);
            String field = "programmes[" + i + "]";
            LocalizedText name = orEmpty(p == null ? null : p.name());
            if (name.isEmpty()) {
                v.reject(field + ".name", "validation.required");
            }
            v.maxLength(field + ".name", name, 500).maxLength(field + ".note", p == null ? null : p.note(), 1000);
            String implementer = null;
            if (p != null && p.implementer() != null && !p.implementer().isBlank()) {
                implementer = resolveOrganisation(p.implementer()).orElse(null);
                if (implementer == null) {
                    v.reject(field + ".implementer", "measures.unknownOrganisation");
                }
            }
            programmes.add(new MeasureRepository.StoredProgramme(name, implementer, p == null ? null : p.note()));
        }

        List<MeasureRepository.StoredFinding> findings = new ArrayList<>();
        List<MeasureInput.FindingInput> inFindings = in.findings() == null ? List.of() : in.findings();
        v.atMost("findings", inFindings.size(), MAX_ITEMS);
        for (int i = 0; i < inFindings.size(); i++) {
            MeasureInput.FindingInput f = inFindings.get(i);
            String field = "findings[" + i + "]";
            Finding.Kind kind = parse(Finding.Kind.class, f == null ? null : f.kind(), field + ".kind", v, true);
            LocalizedText text = orEmpty(f == null ? null : f.text());
            if (text.isEmpty()) {
                v.reject(field + ".text", "validation.required");
            }
            v.maxLength(field + ".text", text, MAX_TEXT);
            findings.add(new MeasureRepository.StoredFinding(kind, text, citations(f == null ? null : f.sources(), field + ".sources", v)));
        }

        List<MeasureRepository.StoredPoint> points = new ArrayList<>();
        List<MeasureInput.PointInput> inPoints = in.points() == null ? List.of() : in.points();
        v.atMost("points", inPoints.size(), MAX_ITEMS);
        Set<String> seenNodes = new HashSet<>();
        for (int i = 0; i < inPoints.size(); i++) {
            MeasureInput.PointInput p = inPoints.get(i);
            String field = "points[" + i + "]";
            String node = p == null || p.node() == null ? "" : p.node().strip();
            if (node.isEmpty()) {
                v.reject(field + ".node", "validation.required");
            }
            else if (frameworks.findNode(node).isEmpty()) {
                v.reject(field + ".node", "measures.unknownNode");
            }
            else if (!seenNodes.add(node)) {
                v.reject(field + ".node", "validation.duplicate");
            }
            LinkBasis basis = parse(LinkBasis.class, p == null ? null : p.basis(), field + ".basis", v, true);
            LocalizedText rationale = orEmpty(p == null ? null : p.rationale());
            if (rationale.isEmpty()) {
                v.reject(field + ".rationale", "validation.required");
            }
            v.maxLength(field + ".rationale", rationale, 2000);
            List<SourceCitation> sources = citations(p == null ? null : p.sources(), field + ".sources", v);
            if (basis == LinkBasis.STATED && sources.isEmpty()) {
                v.reject(field + ".sources", "measures.statedNeedsSource");
            }
            points.add(new MeasureRepository.StoredPoint(node, basis, rationale, sources));
        }

        List<String> inInitiatives = in.initiatives() == null ? List.of() : in.initiatives();
        v.atMost("initiatives", inInitiatives.size(), MAX_ITEMS);
        List<String> initiativeIds = InitiativeDirectory.resolve(initiatives.getIfAvailable(), inInitiatives,
                existing == null ? Set.of() : existing.initiatives(), v, "initiatives", "measures.unknownInitiative",
                "measures.initiativesUnavailable");

        List<SourceCitation> sources = citations(in.sources(), "sources", v);
        return new MeasureRepository.Row(0, code, in.number(), title, blank(in.description()), phase, models,
                blank(in.modelsRationale()), groups, implementers, funders, blank(in.funding()), start, end,
                blank(in.duration()), amount, currency, Boolean.TRUE.equals(in.budgetApproximate()), blank(in.budgetText()),
                min, max, blank(in.beneficiariesText()), activities, programmes, evaluation, findings, points,
                List.copyOf(new LinkedHashSet<>(initiativeIds)), sources, true, 0, null, null, false, null, null);
    }

    private void validateFilter(MeasureFilter f) {
        Validation v = Validation.start();
        if (f.model() != null && reference.models().stream().noneMatch(m -> m.code().equals(f.model()))) {
            v.reject("model", "validation.unknown");
        }
        if (f.targetGroup() != null && reference.targetGroups().stream().noneMatch(g -> g.code().equals(f.targetGroup()))) {
            v.reject("targetGroup", "validation.unknown");
        }
        if (f.node() != null && frameworks.findNode(f.node()).isEmpty()) {
            v.reject("node", "measures.unknownNode");
        }
        v.maxLength("q", f.q(), 200);
        v.throwIfInvalid();
    }

    /** The organisation's code for a code or an alias that names exactly one organisation (UE → EU, OIM → IOM). */
    private Optional<String> resolveOrganisation(String codeOrAlias) {
        String key = codeOrAlias.strip();
        List<Organisation> matches = organisations.resolve(key);
        return matches.stream().filter(o -> o.code().equalsIgnoreCase(key)).findFirst()
                .or(() -> matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty())
                .map(Organisation::code);
    }

    private List<String> organisationCodes(List<String> values, String field, Validation v) {
        List<String> out = new ArrayList<>();
        List<String> in = values == null ? List.of() : values;
        v.atMost(field, in.size(), MAX_ITEMS);
        for (int i = 0; i < in.size(); i++) {
            String value = in.get(i);
            if (value == null || value.isBlank()) {
                v.reject(field + "[" + i + "]", "validation.required");
                continue;
            }
            Optional<String> code = resolveOrganisation(value);
            if (code.isEmpty()) {
                v.reject(field + "[" + i + "]", "measures.unknownOrganisation");
            }
            else if (out.contains(code.get())) {
                v.reject(field + "[" + i + "]", "validation.duplicate");
            }
            else {
                out.add(code.get());
            }
        }
        return out;
    }

    private static List<String> codes(List<String> values, String field, Predicate<String> known, Validation v) {
        List<String> out = new ArrayList<>();
        List<String> in = values == null ? List.of() : values;
        v.atMost(field, in.size(), MAX_ITEMS);
        for (int i = 0; i < in.size(); i++) {
            String value = in.get(i) == null ? "" : in.get(i).strip();
            if (!known.test(value)) {
                v.reject(field + "[" + i + "]", "validation.unknown");
            }
            else if (!out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }

    private List<SourceCitation> citations(List<SourceCitation> sources, String field, Validation v) {
        List<SourceCitation> list = sources == null ? List.of() : sources;
        v.atMost(field, list.size(), MAX_ITEMS);
        for (int i = 0; i < list.size(); i++) {
            try {
                documents.verify(list.get(i));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                v.reject(field + "[" + i + "]", "measures.badCitation");
            }
        }
        return list;
    }



    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, Validation v, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            v.reject(field, "validation.unknown");
            return null;
        }
    }

    static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code) && !code.startsWith("X");
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalizedText orEmpty(LocalizedText t) {
        return t == null ? new LocalizedText(null, null, null) : t;
    }

    private static LocalizedText blank(LocalizedText t) {
        return t == null || t.isEmpty() ? null : t;
    }

    private static boolean involves(MeasureRepository.Row row, String organisation) {
        return organisation != null && (row.implementers().contains(organisation) || row.funders().contains(organisation));
    }

    private String organisationOf(MarsadPrincipal user) {
        return user.organisationId() == null ? null
                : organisations.find(user.organisationId()).map(Organisation::code).orElse(null);
    }

    private MeasureRepository.Row row(String code) {
        return measures.find(code).orElseThrow(() -> new NotFoundException("measure", code));
    }

    private NodeRef nodeRef(String code) {
        return frameworks.findNode(code).map(FrameworkNode::ref)
                .orElse(new NodeRef(code, null, null, null, LocalizedText.french(code)));
    }

    /** Turns stored codes into what readers see (names, node titles), looking each up once per call. */
    private final class Resolver {

        private final Map<String, Party> parties = new HashMap<>();
        private final Map<String, NodeRef> nodes = new HashMap<>();

        Measure measure(MeasureRepository.Row r) {
            Function<String, Party> party = code -> parties.computeIfAbsent(code, c -> organisations.resolve(c).stream()
                    .filter(o -> o.code().equals(c)).findFirst()
                    .map(o -> new Party(o.code(), o.name()))
                    .orElse(new Party(c, LocalizedText.french(c))));
            return new Measure(r.id(), r.code(), r.number(), r.title(), r.description(), r.phase(), r.models(),
                    r.modelsRationale(), r.targetGroups(), r.implementers().stream().map(party).toList(),
                    r.funders().stream().map(party).toList(), r.funding(), r.start(), r.end(), r.duration(),
                    new Budget(r.budgetAmount(), r.budgetCurrency(), r.budgetApproximate(), r.budgetText()),
                    new Beneficiaries(r.beneficiariesMin(), r.beneficiariesMax(), r.beneficiariesText()),
                    r.activities(),
                    r.programmes().stream().map(p -> new Programme(p.name(),
                            p.implementer() == null ? null : party.apply(p.implementer()), p.note())).toList(),
                    r.evaluation(),
                    r.findings().stream().map(f -> new Finding(f.kind(), f.text(), f.sources())).toList(),
                    r.points().stream().map(p -> new PointLink(nodes.computeIfAbsent(p.node(), MeasuresApi.this::nodeRef),
                            p.basis(), p.rationale(), p.sources())).toList(),
                    r.initiatives(), r.sources(), r.version(), r.updatedBy(), r.updatedAt(), r.withdrawn(),
                    r.withdrawnBy(), r.withdrawnReason());
        }
    }

    /** Counts by phase, for the inventory's summary line. */
    public Map<MigrationPhase, Long> countByPhase() {
        Map<MigrationPhase, Long> counts = new EnumMap<>(MigrationPhase.class);
        for (MigrationPhase phase : MigrationPhase.values()) {
            counts.put(phase, measures.count(new MeasureFilter(phase, null, null, null, null, null, null, null, false)));
        }
        return new LinkedHashMap<>(counts);
    }
}
