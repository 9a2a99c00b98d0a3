package org.marsad.initiatives.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.marsad.documents.DocumentsApi;
import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.Budget;
import org.marsad.initiatives.BudgetType;
import org.marsad.initiatives.InitiativeDates;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.MoroccoRegion;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.TargetGroup;
import org.marsad.initiatives.Transaction;
import org.marsad.initiatives.TransactionType;
import org.marsad.initiatives.Visibility;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;
import org.marsad.platform.SourceCitation;
import org.marsad.platform.Validation;
import org.springframework.stereotype.Component;

/**
 * Turns what a person or client sent into a valid state, or reports every problem on its field: unknown codes,
 * currencies, dates (end before start, budget periods over a year, dates in the future), negative amounts,
 * unknown organisations and nodes, citations that do not match their document.
 */
@Component
public class InputChecks {

    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$");
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_ITEMS = 100;
    static final int MAX_COMMENT = 2_000;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    private final OrganisationsApi organisations;
    private final FrameworksApi frameworks;
    private final DocumentsApi documents;

    InputChecks(OrganisationsApi organisations, FrameworksApi frameworks, DocumentsApi documents) {
        this.organisations = organisations;
        this.frameworks = frameworks;
        this.documents = documents;
    }

    /** A checked input: the new state, the date it holds from, and what goes with it. */
    public record Checked(String code, State state, PartialDate asOf, LocalizedText comment, String linkRemovalReason,
            Map<String, FrameworkNode> nodes) {
    }

    /**
     * @param before the current state when updating (null when creating)
     * @param notBefore the date of the current state when updating: a new state cannot hold from earlier
     */
    public Checked check(InitiativeInput in, State before, PartialDate notBefore, LocalDate today) {
        Validation v = Validation.start();
        String code = null;
        if (before == null) {
            code = in.code() == null ? null : in.code().strip();
            v.required("code", code).matches("code", code, CODE, "initiatives.validation.code");
        }
        LocalizedText title = in.title() == null ? LocalizedText.of(null, null, null) : in.title();
        v.required("title", title).maxLength("title", title, MAX_TITLE);
        v.maxLength("description", in.description(), MAX_DESCRIPTION);
        ActivityStatus status = enumField(v, "status", in.status(), ActivityStatus::parse, true);
        Visibility visibility = Visibility.PUBLIC;
        if (in.visibility() != null && !in.visibility().isBlank()) {
            try {
                visibility = Visibility.valueOf(in.visibility().strip().toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                v.reject("visibility", "validation.unknown");
            }
        }
        List<Participation> participations = participations(v, in.participations());
        OrganisationLabel reporting = reporting(v, in.reportingOrganisation(), participations);
        InitiativeDates dates = dates(v, in.dates(), today);
        List<Budget> budgets = budgets(v, in.budgets());
        List<Transaction> transactions = transactions(v, in.transactions(), today);
        List<String> regions = new ArrayList<>();
        list(v, "regions", in.regions()).forEach((i, r) -> MoroccoRegion.parse(r).ifPresentOrElse(
                region -> addOnce(regions, region.code()), () -> v.reject("regions[" + i + "]", "validation.unknown")));
        List<String> places = new ArrayList<>();
        list(v, "places", in.places()).forEach((i, p) -> {
            if (p == null || p.isBlank()) {
                v.reject("places[" + i + "]", "validation.required");
            }
            else {
                v.maxLength("places[" + i + "]", p, 200);
                addOnce(places, p.strip());
            }
        });
        List<TargetGroup> groups = new ArrayList<>();
        list(v, "targetGroups", in.targetGroups()).forEach((i, g) -> TargetGroup.parse(g).ifPresentOrElse(
                group -> addOnce(groups, group), () -> v.reject("targetGroups[" + i + "]", "validation.unknown")));
        Map<String, FrameworkNode> nodes = new LinkedHashMap<>();
        list(v, "nodes", in.nodes()).forEach((i, n) -> {
            Optional<FrameworkNode> node = n == null ? Optional.empty() : frameworks.findNode(n.strip());
            node.ifPresentOrElse(found -> nodes.putIfAbsent(found.code(), found),
                    () -> v.reject("nodes[" + i + "]", "initiatives.validation.unknownNode"));
        });
        List<SourceCitation> sources = in.sources() == null ? List.of() : in.sources();
        if (sources.size() > MAX_ITEMS) {
            v.reject("sources", "validation.tooMany", MAX_ITEMS);
        }
        for (int i = 0; i < sources.size() && i < MAX_ITEMS; i++) {
            try {
                documents.verify(sources.get(i));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                v.reject("sources[" + i + "]", "initiatives.validation.citation");
            }
        }
        PartialDate asOf = asOf(v, in.asOf(), notBefore, today);
        LocalizedText comment = in.comment() == null ? LocalizedText.of(null, null, null) : in.comment();
        v.maxLength("comment", comment, MAX_COMMENT);
        if (before != null && status != null && status != before.status() && comment.isEmpty()) {
            v.reject("comment", "initiatives.validation.statusComment");
        }
        String removal = in.linkRemovalReason() == null || in.linkRemovalReason().isBlank() ? null : in.linkRemovalReason().strip();
        v.maxLength("linkRemovalReason", removal, 1000);
        if (before != null && removal == null && before.nodes().stream().anyMatch(n -> !nodes.containsKey(n))) {
            v.reject("linkRemovalReason", "initiatives.validation.removalReason");
        }
        if (before != null && in.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        State state = new State(title, in.description(), status, visibility, reporting, false, participations, dates,
                budgets, transactions, regions, places, groups, List.copyOf(nodes.keySet()), sources);
        return new Checked(code, state, asOf, comment, removal, nodes);
    }

    /** The date a change holds from: given (not in the future, not before the current state) or today. */
    public PartialDate asOf(Validation v, String value, PartialDate notBefore, LocalDate today) {
        PartialDate asOf = PartialDate.of(today);
        if (value != null && !value.isBlank()) {
            try {
                asOf = PartialDate.parse(value.strip());
            }
            catch (IllegalArgumentException e) {
                v.reject("asOf", "validation.partialDate");
                return null;
            }
        }
        if (asOf.earliest().isAfter(today)) {
            v.reject("asOf", "initiatives.validation.future");
        }
        else if (notBefore != null && asOf.earliest().isBefore(notBefore.earliest())) {
            v.reject("asOf", "initiatives.validation.beforeCurrent", notBefore.value());
        }
        return asOf;
    }

    /**
     * An organisation named by code, alias (e.g. "UE", "OIM"), IATI identifier or id; empty when unknown or
     * ambiguous.
     */
    public Optional<Organisation> organisation(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        List<Organisation> matches = organisations.resolve(v);
        Optional<Organisation> exact = matches.stream().filter(o -> o.code().equalsIgnoreCase(v)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        if (matches.size() == 1) {
            return Optional.of(matches.getFirst());
        }
        if (!matches.isEmpty()) {
            return Optional.empty();
        }
        Optional<Organisation> byIati = organisations.findByIatiIdentifier(v);
        if (byIati.isPresent()) {
            return byIati;
        }
        if (v.matches("\\d{1,18}")) {
            return organisations.find(Long.parseLong(v));
        }
        return Optional.empty();
    }

    /** Every organisation a filter value can mean: an alias may name several. */
    public List<Long> organisationIds(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String v = value.strip();
        List<Long> ids = new ArrayList<>(organisations.resolve(v).stream().map(Organisation::id).toList());
        if (ids.isEmpty()) {
            organisation(v).ifPresent(o -> ids.add(o.id()));
        }
        return ids;
    }

    public static OrganisationLabel label(Organisation o) {
        return new OrganisationLabel(o.id(), o.code(), o.iatiIdentifier(), o.name());
    }

    private List<Participation> participations(Validation v, List<InitiativeInput.ParticipationInput> input) {
        List<Participation> result = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            v.reject("participations", "initiatives.validation.participations");
            return result;
        }
        if (input.size() > MAX_ITEMS) {
            v.reject("participations", "validation.tooMany", MAX_ITEMS);
            return result;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            InitiativeInput.ParticipationInput p = input.get(i);
            String field = "participations[" + i + "]";
            if (p == null || p.organisation() == null || p.organisation().isBlank()) {
                v.reject(field + ".organisation", "validation.required");
                continue;
            }
            Optional<Organisation> organisation = organisation(p.organisation());
            if (organisation.isEmpty()) {
                v.reject(field + ".organisation", "initiatives.validation.unknownOrganisation");
            }
            OrganisationRole role = enumField(v, field + ".role", p.role(), OrganisationRole::parse, true);
            if (organisation.isPresent() && role != null) {
                if (organisation.get().withdrawn()) {
                    v.reject(field + ".organisation", "initiatives.validation.withdrawnOrganisation");
                }
                if (!seen.add(organisation.get().id() + ":" + role)) {
                    v.reject(field, "validation.duplicate");
                }
                else {
                    result.add(new Participation(label(organisation.get()), role, null));
                }
            }
        }
        return result;
    }

    private OrganisationLabel reporting(Validation v, String value, List<Participation> participations) {
        if (value == null || value.isBlank()) {
            v.reject("reportingOrganisation", "validation.required");
            return null;
        }
        Optional<Organisation> organisation = organisation(value);
        if (organisation.isEmpty()) {
            v.reject("reportingOrganisation", "initiatives.validation.unknownOrganisation");
            return null;
        }
        if (participations.stream().noneMatch(p -> organisation.get().id() == p.organisation().id())) {
            v.reject("reportingOrganisation", "initiatives.validation.reportingParticipates");
        }
        return label(organisation.get());
    }

    private InitiativeDates dates(Validation v, InitiativeInput.DatesInput in, LocalDate today) {
        if (in == null) {
            return InitiativeDates.NONE;
        }
        PartialDate plannedStart = partialDate(v, "dates.plannedStart", in.plannedStart());
        PartialDate plannedEnd = partialDate(v, "dates.plannedEnd", in.plannedEnd());
        PartialDate actualStart = partialDate(v, "dates.actualStart", in.actualStart());
        PartialDate actualEnd = partialDate(v, "dates.actualEnd", in.actualEnd());
        if (endBeforeStart(plannedStart, plannedEnd)) {
            v.reject("dates.plannedEnd", "initiatives.validation.endBeforeStart");
        }
        if (endBeforeStart(actualStart, actualEnd)) {
            v.reject("dates.actualEnd", "initiatives.validation.endBeforeStart");
        }
        if (actualStart != null && actualStart.earliest().isAfter(today)) {
            v.reject("dates.actualStart", "initiatives.validation.future");
        }
        if (actualEnd != null && actualEnd.earliest().isAfter(today)) {
            v.reject("dates.actualEnd", "initiatives.validation.future");
        }
        return new InitiativeDates(plannedStart, plannedEnd, actualStart, actualEnd);
    }

    /** An end is before a start when even the last day it can mean is before the first day the start can mean. */
    static boolean endBeforeStart(PartialDate start, PartialDate end) {
        return start != null && end != null && latest(end).isBefore(start.earliest());
    }

    static LocalDate latest(PartialDate d) {
        return switch (d.value().length()) {
            case 4 -> LocalDate.of(d.year(), 12, 31);
            case 7 -> YearMonth.parse(d.value()).atEndOfMonth();
            default -> d.earliest();
        };
    }

    private List<Budget> budgets(Validation v, List<InitiativeInput.BudgetInput> input) {
        List<Budget> result = new ArrayList<>();
        if (input == null) {
            return result;
        }
        if (input.size() > MAX_ITEMS) {
            v.reject("budgets", "validation.tooMany", MAX_ITEMS);
            return result;
        }
        for (int i = 0; i < input.size(); i++) {
            InitiativeInput.BudgetInput b = input.get(i);
            String field = "budgets[" + i + "]";
            if (b == null) {
                v.reject(field, "validation.required");
                continue;
            }
            BudgetType type = b.type() == null || b.type().isBlank() ? BudgetType.ORIGINAL
                    : enumField(v, field + ".type", b.type(), BudgetType::parse, true);
            // Both dates or neither: a budget without a period is a total as a document states it.
            boolean periodless = (b.periodStart() == null || b.periodStart().isBlank())
                    && (b.periodEnd() == null || b.periodEnd().isBlank());
            LocalDate start = date(v, field + ".periodStart", b.periodStart(), !periodless);
            LocalDate end = date(v, field + ".periodEnd", b.periodEnd(), !periodless);
            if (start != null && end != null) {
                if (end.isBefore(start)) {
                    v.reject(field + ".periodEnd", "initiatives.validation.endBeforeStart");
                }
                else if (!end.isBefore(start.plusYears(1))) {
                    v.reject(field + ".periodEnd", "initiatives.validation.budgetPeriod");
                }
            }
            BigDecimal amount = amount(v, field + ".amount", b.amount());
            String currency = currency(v, field + ".currency", b.currency());
            if (type != null && (periodless || (start != null && end != null)) && amount != null && currency != null) {
                result.add(new Budget(type, start, end, amount, currency));
            }
        }
        return result;
    }

    private List<Transaction> transactions(Validation v, List<InitiativeInput.TransactionInput> input, LocalDate today) {
        List<Transaction> result = new ArrayList<>();
        if (input == null) {
            return result;
        }
        if (input.size() > MAX_ITEMS) {
            v.reject("transactions", "validation.tooMany", MAX_ITEMS);
            return result;
        }
        for (int i = 0; i < input.size(); i++) {
            InitiativeInput.TransactionInput t = input.get(i);
            String field = "transactions[" + i + "]";
            if (t == null) {
                v.reject(field, "validation.required");
                continue;
            }
            TransactionType type = enumField(v, field + ".type", t.type(), TransactionType::parse, true);
            LocalDate date = date(v, field + ".date", t.date(), true);
            if (date != null && date.isAfter(today)) {
                v.reject(field + ".date", "initiatives.validation.future");
            }
            BigDecimal amount = amount(v, field + ".amount", t.amount());
            String currency = currency(v, field + ".currency", t.currency());
            v.maxLength(field + ".description", t.description(), 1000);
            if (type != null && date != null && amount != null && currency != null) {
                result.add(new Transaction(type, date, amount, currency, t.description()));
            }
        }
        return result;
    }

    static BigDecimal amount(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.reject(field, "validation.required");
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0) {
                v.reject(field, "initiatives.validation.negative");
                return null;
            }
            if (amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 4) {
                v.reject(field, "initiatives.validation.amount");
                return null;
            }
            return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
        }
        catch (NumberFormatException e) {
            v.reject(field, "initiatives.validation.amount");
            return null;
        }
    }

    /** ISO 4217 codes that are not money: no currency, testing, precious metals. */
    static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPD", "XPT");

    /** A currency of ISO 4217 (e.g. EUR, MAD, USD, XOF) as the JDK knows it; not the codes that are not money. */
    public static boolean isCurrency(String code) {
        return code != null && code.matches("[A-Z]{3}") && !NOT_MONEY.contains(code)
                && Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }

    static String currency(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            v.reject(field, "validation.required");
            return null;
        }
        String code = value.strip();
        if (!isCurrency(code)) {
            v.reject(field, "initiatives.validation.currency");
            return null;
        }
        return code;
    }

    static LocalDate date(Validation v, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException e) {
            v.reject(field, "validation.date");
            return null;
        }
    }

    static PartialDate partialDate(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(value.strip());
        }
        catch (IllegalArgumentException e) {
            v.reject(field, "validation.partialDate");
            return null;
        }
    }

    static <E> E enumField(Validation v, String field, String value, Function<String, Optional<E>> parse,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        Optional<E> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            v.reject(field, "validation.unknown");
        }
        return parsed.orElse(null);
    }

    private static Map<Integer, String> list(Validation v, String field, List<String> values) {
        Map<Integer, String> indexed = new LinkedHashMap<>();
        if (values == null) {
            return indexed;
        }
        if (values.size() > MAX_ITEMS) {
            v.reject(field, "validation.tooMany", MAX_ITEMS);
            return indexed;
        }
        for (int i = 0; i < values.size(); i++) {
            indexed.put(i, values.get(i));
        }
        return indexed;
    }

    private static <T> void addOnce(List<T> list, T value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
