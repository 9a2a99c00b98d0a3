package org.marsad.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.frameworks.NodeRef;
import org.marsad.indicators.internal.IndicatorRepository;
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
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators and their values. Anyone reads. Values are entered by COORDINATOR and ADMIN for any indicator, by a
 * DATA_STEWARD for indicators on framework nodes, by a FOCAL_POINT for indicators of its organisation's
 * initiatives ({@link ValueEntryPolicy}). COORDINATOR and ADMIN define indicators; a FOCAL_POINT defines those of
 * its own initiatives. A value is never overwritten: a correction supersedes it, with a reason. Every write is
 * validated field by field and audited.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorsApi {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,59}$");
    static final BigDecimal MAX_VALUE = new BigDecimal("1e15");
    static final BigDecimal HUNDRED = new BigDecimal(100);
    static final int MAX_SCALE = 4;
    static final int MAX_ITEMS = 50;

    private final IndicatorRepository indicators;
    private final FrameworksApi frameworks;
    private final OrganisationsApi organisations;
    private final DocumentsApi documents;
    private final AuditLog audit;
    private final ObjectProvider<InitiativeDirectory> initiatives;

    IndicatorsApi(IndicatorRepository indicators, FrameworksApi frameworks, OrganisationsApi organisations,
            DocumentsApi documents, AuditLog audit, ObjectProvider<InitiativeDirectory> initiatives) {
        this.indicators = indicators;
        this.frameworks = frameworks;
        this.organisations = organisations;
        this.documents = documents;
        this.audit = audit;
        this.initiatives = initiatives;
    }

    /** Indicators attached to a node and/or an initiative (both optional), matching q, with their latest period. */
    public PageResult<IndicatorSummary> search(String node, String initiative, String q, PageQuery page) {
        String n = blankToNull(node);
        String i = blankToNull(initiative);
        String text = blankToNull(q);
        Validation.start().maxLength("q", text, 200).maxLength("initiative", i, 200).throwIfInvalid();
        InitiativeDirectory directory = initiatives.getIfAvailable();
        if (i != null && directory != null) {
            // Initiatives are stored by their stable identifier; a reader may name one by its Marsad code.
            i = directory.find(i).map(InitiativeDirectory.InitiativeRef::identifier).orElse(i);
        }
        List<IndicatorSummary> items = indicators.search(n, i, text, false, page.size(), page.offset()).stream()
                .map(l -> {
                    Period latest = l.latest() == null ? null : period(l.indicator(), l.latest());
                    return new IndicatorSummary(l.indicator().code(), l.indicator().title(), l.indicator().measure(),
                            l.indicator().unit(), l.indicator().ascending(), l.indicator().nodes(),
                            l.indicator().initiatives(), latest, latest == null ? null : latest.status());
                })
                .toList();
        long total = indicators.count(n, i, text, false);
        // Only an empty answer needs to know whether the node exists: an unknown node is the client's mistake.
        if (total == 0 && n != null && frameworks.findNode(n).isEmpty()) {
            throw new InvalidInputException("node", "indicators.unknownNode");
        }
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    public Indicator get(String code) {
        IndicatorRepository.Row row = row(code);
        List<Period> periods = indicators.periods(row.id(), false).stream().map(p -> period(row, p)).toList();
        Rag status = periods.isEmpty() ? null : latest(periods).status();
        Map<String, NodeRef> refs = new HashMap<>();
        return new Indicator(row.id(), row.code(), row.title(), row.description(), row.measure(), row.unit(), row.ascending(),
                row.nodes().stream().map(c -> refs.computeIfAbsent(c, this::nodeRef)).toList(), row.initiatives(),
                row.baselineValue() == null && row.baselineYear() == null && row.baselineComment() == null ? null
                        : new Baseline(row.baselineYear(), row.baselineValue(), row.baselineComment()),
                row.rationale(), row.sources(), periods, status, row.version(), row.updatedAt(), row.withdrawn(),
                row.withdrawnBy(), row.withdrawnReason());
    }

    /** The periods of an indicator in time order, with superseded values when asked. */
    public List<Period> values(String code, boolean includeSuperseded) {
        IndicatorRepository.Row row = row(code);
        return indicators.periods(row.id(), includeSuperseded).stream().map(p -> period(row, p)).toList();
    }

    /**
     * What a chart or a client needs of one indicator: what it measures, its baseline, its status and its periods
     * (with superseded values when asked), in two queries.
     */
    public Series series(String code, boolean includeSuperseded) {
        IndicatorRepository.Row row = indicators.findDefinition(code).orElseThrow(() -> new NotFoundException("indicator", code));
        List<Period> periods = indicators.periods(row.id(), includeSuperseded).stream().map(p -> period(row, p)).toList();
        List<Period> live = periods.stream().filter(p -> !p.superseded()).toList();
        return new Series(row.code(), row.title(), row.measure(), row.unit(), row.ascending(),
                row.baselineValue() == null && row.baselineYear() == null && row.baselineComment() == null ? null
                        : new Baseline(row.baselineYear(), row.baselineValue(), row.baselineComment()),
                live.isEmpty() ? null : latest(live).status(), periods);
    }

    public record Series(String code, LocalizedText title, MeasureKind measure, LocalizedText unit, boolean ascending,
            Baseline baseline, Rag status, List<Period> periods) {
    }

    public long count() {
        return indicators.countLive();
    }

    /** The framework nodes that have indicators, with how many: the choices of the node filter. */
    public List<NodeCount> nodesInUse() {
        Map<String, NodeRef> refs = new HashMap<>();
        return indicators.nodeCounts().entrySet().stream()
                .map(e -> new NodeCount(refs.computeIfAbsent(e.getKey(), this::nodeRef), e.getValue()))
                .toList();
    }

    public record NodeCount(NodeRef node, long count) {
    }

    /** The partner initiatives an indicator is attached to, named when the initiatives module can name them. */
    public List<InitiativeDirectory.InitiativeRef> initiativesOf(Indicator indicator) {
        InitiativeDirectory directory = initiatives.getIfAvailable();
        return indicator.initiatives().stream()
                .map(id -> Optional.ofNullable(directory).flatMap(d -> d.find(id))
                        .orElse(new InitiativeDirectory.InitiativeRef(id, null, null)))
                .toList();
    }

    /** Whether the current user may enter values of this indicator and, if not, why (a message key). */
    public EntryRight entryRight(Indicator indicator) {
        MarsadPrincipal user = CurrentUser.get().orElse(null);
        if (indicator.withdrawn()) {
            return new EntryRight(false, "indicators.refused.withdrawn");
        }
        var decision = policy().mayEnterValues(user, organisationOf(user),
                indicator.nodes().stream().map(NodeRef::code).toList(), indicator.initiatives());
        return new EntryRight(decision.allowed(), decision.reasonKey());
    }

    public record EntryRight(boolean allowed, String reasonKey) {
    }

    public boolean canDefine() {
        return CurrentUser.has(Role.COORDINATOR, Role.ADMIN);
    }

    @Transactional
    public Indicator create(IndicatorInput input) {
        MarsadPrincipal user = CurrentUser.required();
        String code = input.code() == null ? "" : input.code().strip().toUpperCase(Locale.ROOT);
        Validation v = Validation.start();
        v.required("code", code).matches("code", code, CODE, "validation.code");
        IndicatorRepository.Row row = validate(input, code, v, null);
        authoriseDefinition(policy().mayDefine(user, organisationOf(user), requested(input)), v);
        v.throwIfInvalid();
        if (indicators.find(code).isPresent()) {
            throw new ConflictException("code", "validation.duplicate");
        }
        indicators.insert(row, user.username());
        Indicator created = get(code);
        audit.record("CREATE", "indicator", code, "indicator created", null, created, true);
        return created;
    }

    @Transactional
    public Indicator update(String code, IndicatorInput input) {
        MarsadPrincipal user = CurrentUser.required();
        IndicatorRepository.Row existing = row(code);
        String organisation = organisationOf(user);
        authorise(policy().mayDefine(user, organisation, existing.initiatives()));
        if (existing.withdrawn()) {
            throw new ConflictException("code", "indicators.withdrawnIndicator");
        }
        Indicator before = get(code);
        Validation v = Validation.start();
        IndicatorRepository.Row row = validate(input, code, v, existing);
        authoriseDefinition(policy().mayDefine(user, organisation, requested(input)), v);
        if (row.measure() != null && row.measure() != existing.measure() && indicators.hasPeriods(existing.id())) {
            v.reject("measure", "indicators.measureFixedOnceValued");
        }
        if (input.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        if (!indicators.update(existing.id(), row, input.version())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        Indicator after = get(code);
        audit.record("UPDATE", "indicator", code, "indicator updated", before, after, true);
        return after;
    }

    @Transactional
    public Indicator withdraw(String code, String reason) {
        MarsadPrincipal user = CurrentUser.require(Role.COORDINATOR, Role.ADMIN);
        IndicatorRepository.Row row = row(code);
        Validation.start().required("reason", reason).maxLength("reason", reason, 1000).throwIfInvalid();
        if (row.withdrawn()) {
            throw new ConflictException("code", "indicators.withdrawnIndicator");
        }
        Indicator before = get(code);
        indicators.withdraw(row.id(), user.username(), reason.strip());
        Indicator after = get(code);
        audit.record("WITHDRAW", "indicator", code, reason.strip(), before, after, true);
        return after;
    }

    /**
     * Enters the values of one period. If the period already has values, they are superseded (kept, with who,
     * when and the reason, which is then required) and the new values become the period's values.
     */
    @Transactional
    public Period addValue(String code, ValueInput input) {
        MarsadPrincipal user = CurrentUser.required();
        IndicatorRepository.Row row = row(code);
        authorise(policy().mayEnterValues(user, organisationOf(user), row.nodes(), row.initiatives()));
        if (row.withdrawn()) {
            throw new ConflictException("code", "indicators.withdrawnIndicator");
        }
        Validation v = Validation.start();
        IndicatorRepository.StoredPeriod period = validateValue(row, input, v, user.username());
        Optional<IndicatorRepository.StoredPeriod> previous = period == null ? Optional.empty()
                : indicators.livePeriod(row.id(), period.start(), period.end());
        String reason = blankToNull(input.reason());
        if (previous.isPresent() && reason == null) {
            v.reject("reason", "indicators.reasonToCorrect");
        }
        v.maxLength("reason", reason, 1000);
        v.throwIfInvalid();
        Period before = previous.map(p -> period(row, p)).orElse(null);
        if (previous.isPresent() && !indicators.supersede(previous.get().id(), user.username(), reason)) {
            throw new ConflictException("start", "indicators.periodChanged");
        }
        long id = indicators.insertPeriod(row.id(), period);
        Period after = indicators.periods(row.id(), false).stream().filter(p -> p.id() == id).findFirst()
                .map(p -> period(row, p)).orElseThrow();
        audit.record(before == null ? "VALUE" : "CORRECT", "indicator", code,
                (before == null ? "values entered for " : "values corrected for ") + after.label()
                        + (reason == null ? "" : ": " + reason), before, after, true);
        return after;
    }

    private IndicatorRepository.Row validate(IndicatorInput in, String code, Validation v, IndicatorRepository.Row existing) {
        LocalizedText title = orEmpty(in.title());
        v.required("title.fr", title.fr()).maxLength("title", title, 500)
                .maxLength("description", in.description(), 4000).maxLength("unit", in.unit(), 100)
                .maxLength("rationale", in.rationale(), 2000).maxLength("baselineComment", in.baselineComment(), 1000);
        MeasureKind measure = null;
        if (in.measure() == null || in.measure().isBlank()) {
            v.reject("measure", "validation.required");
        }
        else {
            try {
                measure = MeasureKind.valueOf(in.measure().strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                v.reject("measure", "validation.unknown");
            }
        }
        List<String> nodes = new ArrayList<>();
        List<String> inNodes = in.nodes() == null ? List.of() : in.nodes();
        v.atMost("nodes", inNodes.size(), MAX_ITEMS);
        for (int i = 0; i < inNodes.size(); i++) {
            String node = inNodes.get(i) == null ? "" : inNodes.get(i).strip();
            if (frameworks.findNode(node).isEmpty()) {
                v.reject("nodes[" + i + "]", "indicators.unknownNode");
            }
            else if (!nodes.contains(node)) {
                nodes.add(node);
            }
        }
        List<String> inInitiatives = in.initiatives() == null ? List.of() : in.initiatives();
        v.atMost("initiatives", inInitiatives.size(), MAX_ITEMS);
        List<String> initiativeIds = InitiativeDirectory.resolve(initiatives.getIfAvailable(), inInitiatives,
                existing == null ? Set.of() : existing.initiatives(), v, "initiatives", "indicators.unknownInitiative",
                "indicators.initiativesUnavailable");
        if (nodes.isEmpty() && inInitiatives.isEmpty()) {
            v.reject("nodes", "indicators.needsAttachment");
        }
        if (in.baselineYear() != null && (in.baselineYear() < 1900 || in.baselineYear() > 2100)) {
            v.reject("baselineYear", "validation.between", 1900, 2100);
        }
        if (in.baselineValue() != null && measure != null) {
            if (measure == MeasureKind.QUALITATIVE) {
                v.reject("baselineValue", "indicators.noNumberForQualitative");
            }
            else {
                number(v, "baselineValue", in.baselineValue(), measure);
            }
        }
        List<SourceCitation> sources = citations(in.sources(), "sources", v);
        return new IndicatorRepository.Row(0, code, title, blankText(in.description()), measure, blankText(in.unit()),
                in.ascending() == null || in.ascending(), nodes, List.copyOf(new LinkedHashSet<>(initiativeIds)),
                in.baselineYear(), in.baselineValue(), blankText(in.baselineComment()), blankText(in.rationale()), sources,
                true, 0, null, false, null, null);
    }

    private IndicatorRepository.StoredPeriod validateValue(IndicatorRepository.Row row, ValueInput in, Validation v, String by) {
        PartialDate start = v.partialDate("start", in.start());
        if (start == null && (in.start() == null || in.start().isBlank())) {
            v.reject("start", "validation.required");
        }
        PartialDate end = v.partialDate("end", in.end());
        if (start != null && end != null && end.latest().isBefore(start.earliest())) {
            v.reject("end", "indicators.endBeforeStart");
        }
        MeasureKind kind = row.measure();
        Rag given = null;
        if (kind == MeasureKind.QUALITATIVE) {
            for (var field : new Object[][] {{"target", in.target()}, {"actual", in.actual()}, {"actualUpper", in.actualUpper()}}) {
                if (field[1] != null) {
                    v.reject((String) field[0], "indicators.noNumberForQualitative");
                }
            }
            if (orEmpty(in.targetText()).isEmpty() && orEmpty(in.actualText()).isEmpty()) {
                v.reject("actualText", "indicators.valueRequired");
            }
            v.maxLength("targetText", in.targetText(), 2000).maxLength("actualText", in.actualText(), 2000);
            if (in.status() != null && !in.status().isBlank()) {
                try {
                    given = Rag.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
                }
                catch (IllegalArgumentException e) {
                    v.reject("status", "validation.unknown");
                }
            }
            if (!dims(in.targetDimensions()).isEmpty() || !dims(in.actualDimensions()).isEmpty()) {
                v.reject("actualDimensions", "indicators.noNumberForQualitative");
            }
        }
        else {
            if (in.target() == null && in.actual() == null) {
                v.reject("actual", "indicators.valueRequired");
            }
            number(v, "target", in.target(), kind);
            number(v, "actual", in.actual(), kind);
            number(v, "actualUpper", in.actualUpper(), kind);
            if (in.actualUpper() != null) {
                if (in.actual() == null) {
                    v.reject("actual", "validation.required");
                }
                else if (in.actualUpper().compareTo(in.actual()) < 0) {
                    v.reject("actualUpper", "indicators.upperBelowActual");
                }
            }
            if (in.status() != null && !in.status().isBlank()) {
                v.reject("status", "indicators.statusComputed");
            }
            if (!orEmpty(in.targetText()).isEmpty() || !orEmpty(in.actualText()).isEmpty()) {
                v.reject("actualText", "indicators.textForQualitativeOnly");
            }
        }
        v.maxLength("targetComment", in.targetComment(), 2000).maxLength("actualComment", in.actualComment(), 2000);
        List<Dimension> targetDimensions = dimensions(v, "targetDimensions", in.targetDimensions(), in.target(), kind);
        List<Dimension> actualDimensions = dimensions(v, "actualDimensions", in.actualDimensions(), in.actual(), kind);
        List<SourceCitation> sources = citations(in.sources(), "sources", v);
        if (start == null) {
            return null;
        }
        return new IndicatorRepository.StoredPeriod(0, start, end, in.target(), blankText(in.targetText()),
                blankText(in.targetComment()), targetDimensions, in.actual(), in.actualUpper(), blankText(in.actualText()),
                blankText(in.actualComment()), actualDimensions, Boolean.TRUE.equals(in.approximate()), given, sources, by,
                null, null, null, null);
    }

    private List<Dimension> dimensions(Validation v, String field, List<ValueInput.DimensionInput> input, BigDecimal total,
            MeasureKind kind) {
        List<ValueInput.DimensionInput> list = dims(input);
        v.atMost(field, list.size(), MAX_ITEMS);
        List<Dimension> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int d = 0; d < list.size(); d++) {
            ValueInput.DimensionInput in = list.get(d);
            String f = field + "[" + d + "]";
            String name = in == null || in.name() == null ? "" : in.name().strip();
            if (name.isEmpty()) {
                v.reject(f + ".name", "validation.required");
            }
            else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                v.reject(f + ".name", "validation.duplicate");
            }
            v.maxLength(f + ".name", name, 100);
            List<ValueInput.ItemInput> items = in == null || in.items() == null ? List.of() : in.items();
            if (items.isEmpty()) {
                v.reject(f + ".items", "validation.required");
            }
            v.atMost(f + ".items", items.size(), MAX_ITEMS);
            List<Dimension.Item> outItems = new ArrayList<>();
            Set<String> labels = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            boolean complete = true;
            for (int i = 0; i < items.size(); i++) {
                ValueInput.ItemInput item = items.get(i);
                String fi = f + ".items[" + i + "]";
                String label = item == null || item.label() == null ? "" : item.label().strip();
                if (label.isEmpty()) {
                    v.reject(fi + ".label", "validation.required");
                }
                else if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                    v.reject(fi + ".label", "validation.duplicate");
                }
                v.maxLength(fi + ".label", label, 200);
                BigDecimal value = item == null ? null : item.value();
                if (value == null) {
                    v.reject(fi + ".value", "validation.required");
                    complete = false;
                }
                else {
                    number(v, fi + ".value", value, kind);
                    sum = sum.add(value);
                }
                outItems.add(new Dimension.Item(label, value));
            }
            boolean breakdown = in != null && Boolean.TRUE.equals(in.breakdown());
            if (breakdown && complete && !items.isEmpty()) {
                if (total == null) {
                    v.reject(f + ".breakdown", "indicators.breakdownWithoutTotal");
                }
                else if (sum.compareTo(total) != 0) {
                    v.reject(f + ".items", "indicators.breakdownSum", sum.toPlainString(), total.toPlainString());
                }
            }
            out.add(new Dimension(name, breakdown, outItems));
        }
        return out;
    }

    /** A numeric value within what its indicator allows: 0–100 for a percentage, not negative, at most 4 decimals. */
    private static void number(Validation v, String field, BigDecimal value, MeasureKind kind) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            v.reject(field, "indicators.notNegative");
        }
        else if (kind == MeasureKind.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
            v.reject(field, "indicators.percentage");
        }
        else if (value.compareTo(MAX_VALUE) >= 0) {
            v.reject(field, "validation.invalid");
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            v.reject(field, "indicators.tooPrecise", MAX_SCALE);
        }
    }

    private List<SourceCitation> citations(List<SourceCitation> sources, String field, Validation v) {
        List<SourceCitation> list = sources == null ? List.of() : sources;
        v.atMost(field, list.size(), MAX_ITEMS);
        for (int i = 0; i < list.size(); i++) {
            try {
                documents.verify(list.get(i));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                v.reject(field + "[" + i + "]", "indicators.badCitation");
            }
        }
        return list;
    }


    private static List<ValueInput.DimensionInput> dims(List<ValueInput.DimensionInput> list) {
        return list == null ? List.of() : list;
    }


    private static void authorise(ValueEntryPolicy.Decision decision) {
        if (!decision.allowed()) {
            if ("indicators.refused.signIn".equals(decision.reasonKey())) {
                throw new AuthenticationCredentialsNotFoundException("sign in required");
            }
            throw new AccessDeniedException(decision.reasonKey());
        }
    }

    /** A refusal only because no module provides initiatives is answered as the field error on "initiatives". */
    private static void authoriseDefinition(ValueEntryPolicy.Decision decision, Validation v) {
        if (!decision.allowed() && "indicators.refused.initiativesUnavailable".equals(decision.reasonKey())) {
            v.throwIfInvalid();
        }
        authorise(decision);
    }

    private static List<String> requested(IndicatorInput input) {
        return input.initiatives() == null ? List.of()
                : input.initiatives().stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
    }

    private ValueEntryPolicy policy() {
        return new ValueEntryPolicy(initiatives.getIfAvailable());
    }

    private String organisationOf(MarsadPrincipal user) {
        return user == null || user.organisationId() == null ? null
                : organisations.find(user.organisationId()).map(Organisation::code).orElse(null);
    }

    private Period period(IndicatorRepository.Row row, IndicatorRepository.StoredPeriod p) {
        Rag status = RagRule.status(row.measure(), row.ascending(), row.baselineValue(), p.target(), p.actual(),
                p.actualUpper(), p.givenStatus());
        return new Period(p.id(), p.start(), p.end(), p.target(), p.targetText(), p.targetComment(), p.targetDimensions(),
                p.actual(), p.actualUpper(), p.actualText(), p.actualComment(), p.actualDimensions(), p.approximate(), status,
                p.sources(), p.enteredBy(), p.enteredAt(), p.supersededAt(), p.supersededBy(), p.supersedeReason());
    }

    /** The latest period: the last to start; among those, an open-ended one, else the last to end. */
    private static Period latest(List<Period> periods) {
        return periods.stream().max((a, b) -> {
            int byStart = a.start().earliest().compareTo(b.start().earliest());
            if (byStart != 0) {
                return byStart;
            }
            if (a.end() == null || b.end() == null) {
                return a.end() == null ? (b.end() == null ? 0 : 1) : -1;
            }
            return a.end().latest().compareTo(b.end().latest());
        }).orElseThrow();
    }

    private IndicatorRepository.Row row(String code) {
        return indicators.find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    private NodeRef nodeRef(String code) {
        return frameworks.findNode(code).map(FrameworkNode::ref)
                .orElse(new NodeRef(code, null, null, null, LocalizedText.french(code)));
    }

    private static LocalizedText orEmpty(LocalizedText t) {
        return t == null ? new LocalizedText(null, null, null) : t;
    }

    private static LocalizedText blankText(LocalizedText t) {
        return t == null || t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
