package org.marsad.initiatives.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.Budget;
import org.marsad.initiatives.BudgetType;
import org.marsad.initiatives.HistoryEntry.FieldChange;
import org.marsad.initiatives.IatiImportPreview;
import org.marsad.initiatives.IatiImportPreview.Action;
import org.marsad.initiatives.IatiImportPreview.Note;
import org.marsad.initiatives.InitiativeDates;
import org.marsad.initiatives.MoroccoRegion;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.TargetGroup;
import org.marsad.initiatives.Transaction;
import org.marsad.initiatives.TransactionType;
import org.marsad.initiatives.Visibility;
import org.marsad.organisations.Organisation;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.InvalidInputException.FieldError;
import org.marsad.platform.Json;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PartialDate;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.seed.SeedFiles;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Imports IATI 2.03 activities files: upsert by {@code iati-identifier}, a preview first, then all or nothing.
 *
 * <p>A file the official schema rejects is refused with one message per problem (line, column, element,
 * reason), and so is a file whose values break Marsad's rules (negative amounts, budget periods over a year,
 * unknown currencies, ends before starts, transactions in the future). What the schema allows but Marsad cannot
 * interpret (codes outside IATI's codelists, values without a currency, elements Marsad does not keep) is left
 * out or defaulted, and every such case is noted in the preview, so the person applying the import sees it.
 * A FOCAL_POINT may only import activities in which their organisation has a role (and keeps one).
 */
@Component
public class IatiImport {

    private final IatiSchema schema;
    private final IatiImportRepository imports;
    private final InitiativeRepository repository;
    private final InitiativeWriter writer;
    private final InputChecks checks;
    private final FrameworksApi frameworks;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Json json;

    IatiImport(IatiSchema schema, IatiImportRepository imports, InitiativeRepository repository, InitiativeWriter writer,
            InputChecks checks, FrameworksApi frameworks, MessageSource messages, AuditLog audit, Json json) {
        this.schema = schema;
        this.imports = imports;
        this.repository = repository;
        this.writer = writer;
        this.checks = checks;
        this.frameworks = frameworks;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
    }

    /** What the file would do, once checked; the file and the preview are kept until applied. */
    public IatiImportPreview preview(String fileName, byte[] content) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        String name = fileName == null || fileName.isBlank() ? "iati.xml" : fileName.strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        List<Planned> plan = plan(content, user);
        UUID id = UUID.randomUUID();
        Stored stored = stored(plan);
        imports.insert(id, name, content, SeedFiles.sha256(content), stored, user.username(), user.id());
        audit.record("PREVIEW", "iati_import", id.toString(), stored.activities().size() + " activities in " + name, null,
                null, false);
        return get(id);
    }

    public IatiImportPreview get(UUID id) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        IatiImportRepository.Row row = imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
        if (!user.hasAny(Role.COORDINATOR, Role.ADMIN) && !Objects.equals(row.uploadedById(), user.id())) {
            throw new NotFoundException("import", id);
        }
        Stored stored = json.read(row.preview(), Stored.class);
        return new IatiImportPreview(row.id(), row.fileName(), row.uploadedAt(), row.uploadedBy(),
                count(stored, Action.CREATE), count(stored, Action.UPDATE), count(stored, Action.UNCHANGED),
                stored.activities(), row.appliedAt(), row.appliedBy());
    }

    /** Applies what was previewed, if it is still what the file would do; otherwise a 409 asks for a new preview. */
    public IatiImportPreview apply(UUID id) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        IatiImportPreview previewed = get(id);
        if (previewed.applied()) {
            throw new ConflictException("id", "initiatives.iati.alreadyApplied");
        }
        IatiImportRepository.Row row = imports.find(id).orElseThrow();
        List<Planned> plan = plan(row.content(), user);
        if (!stored(plan).activities().equals(previewed.activities())) {
            throw new ConflictException("id", "initiatives.iati.previewStale");
        }
        if (!imports.markApplied(id, user.username())) {
            throw new ConflictException("id", "initiatives.iati.alreadyApplied");
        }
        LocalizedText comment = LocalizedText.of(
                messages.getMessage("initiatives.iati.comment", new Object[] {row.fileName()}, Locale.FRENCH),
                messages.getMessage("initiatives.iati.comment", new Object[] {row.fileName()}, Locale.forLanguageTag("ar")),
                messages.getMessage("initiatives.iati.comment", new Object[] {row.fileName()}, Locale.ENGLISH));
        for (Planned p : plan) {
            switch (p.action()) {
                case CREATE -> writer.create(user.username(), p.code(), p.identifier(), "IATI_IMPORT", p.after(), p.asOf(),
                        "IMPORT", comment, p.nodes(), Map.of(), true);
                case UPDATE -> {
                    if (!repository.bumpVersion(p.existing().id(), p.existing().version(), true)) {
                        throw new ConflictException("id", "initiatives.iati.previewStale");
                    }
                    writer.update(user.username(), p.existing(), p.before(), p.after(), p.asOf(), "IMPORT", comment,
                            p.nodes(), comment.fr(), Map.of());
                }
                case UNCHANGED -> {
                }
            }
        }
        audit.record("IMPORT", "iati_import", id.toString(), previewed.creates() + " created, " + previewed.updates()
                + " updated from " + row.fileName(), null, null, false);
        return get(id);
    }

    /** What the preview stores: the activities and what happens to each. */
    record Stored(List<IatiImportPreview.Activity> activities) {
    }

    private static int count(Stored stored, Action action) {
        return (int) stored.activities().stream().filter(a -> a.action() == action).count();
    }

    private static Stored stored(List<Planned> plan) {
        return new Stored(plan.stream().map(p -> new IatiImportPreview.Activity(p.activity().index(), p.activity().line(),
                p.identifier(), p.action(), p.existing() == null ? null : p.existing().id(), p.after().title(), p.changes(),
                p.notes())).toList());
    }

    /** One activity of the file, mapped: the state it would have, and against what it is compared. */
    record Planned(IatiReader.Activity activity, String identifier, String code, InitiativeRepository.InitiativeRow existing,
            State before, State after, PartialDate asOf, Map<String, FrameworkNode> nodes, List<FieldChange> changes,
            Action action, List<Note> notes) {
    }

    List<Planned> plan(byte[] content, MarsadPrincipal user) {
        List<IatiSchema.Problem> problems = schema.validate(content);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldError(p.path(), "initiatives.iati.schema",
                            new Object[] {p.line(), p.column(), p.element(), p.reason()}))
                    .toList());
        }
        List<IatiReader.Activity> activities = IatiReader.read(content);
        String fileKey = SeedFiles.sha256(content).substring(0, 12).toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        Set<String> codes = new HashSet<>();
        List<Planned> plan = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (IatiReader.Activity a : activities) {
            Planned p = plan(a, fileKey, today, identifiers, codes, errors);
            if (p != null) {
                plan.add(p);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!user.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            for (Planned p : plan) {
                boolean ownsBefore = p.before() == null || (user.organisationId() != null
                        && Set.of(p.before().organisationIds()).contains(user.organisationId()));
                boolean ownsAfter = user.organisationId() != null
                        && Set.of(p.after().organisationIds()).contains(user.organisationId());
                if (!user.has(Role.FOCAL_POINT) || !ownsBefore || !ownsAfter) {
                    throw new AccessDeniedException("activity " + p.identifier() + " is not of the user's organisation");
                }
            }
        }
        return plan;
    }

    private Planned plan(IatiReader.Activity a, String fileKey, LocalDate today, Set<String> identifiers, Set<String> codes,
            List<FieldError> errors) {
        String path = "/iati-activities/iati-activity[" + a.index() + "]";
        List<Note> notes = new ArrayList<>(a.notes());
        String identifier = a.identifier();
        if (identifier.isEmpty()) {
            identifier = "IMPORT-" + fileKey + "-" + a.index();
            notes.add(note(a.line(), "initiatives.iati.note.noIdentifier", identifier));
        }
        if (identifier.length() > 200) {
            errors.add(error(path + "/iati-identifier", "initiatives.iati.identifierTooLong", a.line()));
            return null;
        }
        if (!identifiers.add(identifier)) {
            errors.add(error(path + "/iati-identifier", "initiatives.iati.duplicateIdentifier", a.line(), identifier));
            return null;
        }
        Optional<InitiativeRepository.InitiativeRow> existing = repository.findByIdentifier(identifier);
        State before = existing.flatMap(e -> repository.currentRevision(e.id())).map(InitiativeRepository.RevisionRow::state)
                .orElse(null);
        PartialDate notBefore = existing.flatMap(e -> repository.currentRevision(e.id()))
                .map(InitiativeRepository.RevisionRow::validFrom).orElse(null);

        OrganisationLabel reporting = organisation(a.reporting(), notes);
        List<Participation> participations = new ArrayList<>();
        for (IatiReader.Org org : a.organisations()) {
            Optional<OrganisationRole> role = OrganisationRole.parse(org.role()).filter(r -> org.role().matches("\\d"));
            if (role.isEmpty()) {
                notes.add(note(org.line(), "initiatives.iati.note.role", String.valueOf(org.role())));
                continue;
            }
            OrganisationLabel label = organisation(org, notes);
            if (label == null) {
                notes.add(note(org.line(), "initiatives.iati.note.anonymousOrganisation"));
                continue;
            }
            Participation participation = new Participation(label, role.get(), null);
            if (participations.stream().noneMatch(p -> p.role() == participation.role()
                    && p.organisation().label().equals(label.label()))) {
                participations.add(participation);
            }
        }
        if (participations.isEmpty()) {
            participations.add(new Participation(reporting, OrganisationRole.ACCOUNTABLE, null));
            notes.add(note(a.line(), "initiatives.iati.note.noParticipation"));
        }

        ActivityStatus status = a.status() == null ? null
                : ActivityStatus.parse(a.status()).filter(s -> a.status().matches("\\d")).orElse(null);
        if (status == null) {
            status = before != null ? before.status() : ActivityStatus.PIPELINE;
            notes.add(note(a.statusLine(), "initiatives.iati.note.status", String.valueOf(a.status()), status.name()));
        }

        PartialDate plannedStart = null;
        PartialDate actualStart = null;
        PartialDate plannedEnd = null;
        PartialDate actualEnd = null;
        for (IatiReader.DateValue d : a.dates()) {
            LocalDate day = day(d.isoDate());
            if (day == null) {
                continue;
            }
            PartialDate value = PartialDate.of(day);
            switch (d.type() == null ? "" : d.type()) {
                case "1" -> plannedStart = value;
                case "2" -> actualStart = value;
                case "3" -> plannedEnd = value;
                case "4" -> actualEnd = value;
                default -> notes.add(note(d.line(), "initiatives.iati.note.dateType", String.valueOf(d.type())));
            }
            if (("2".equals(d.type()) || "4".equals(d.type())) && day.isAfter(today)) {
                errors.add(error(path + "/activity-date", "initiatives.iati.future", d.line(), "activity-date"));
            }
        }
        if (InputChecks.endBeforeStart(plannedStart, plannedEnd) || InputChecks.endBeforeStart(actualStart, actualEnd)) {
            errors.add(error(path + "/activity-date", "initiatives.iati.endBeforeStart", a.line(), "activity-date"));
        }

        List<String> regions = new ArrayList<>();
        List<String> places = new ArrayList<>();
        for (IatiReader.Location l : a.locations()) {
            Optional<MoroccoRegion> region = MoroccoRegion.parse(l.ref());
            if (region.isPresent()) {
                if (!regions.contains(region.get().code())) {
                    regions.add(region.get().code());
                }
            }
            else if (l.name() != null && !l.name().isEmpty()) {
                String place = l.name().resolve(org.marsad.platform.Language.FR).text();
                if (!places.contains(place) && place.length() <= 200) {
                    places.add(place);
                }
            }
            else {
                notes.add(note(l.line(), "initiatives.iati.note.location"));
            }
        }

        Map<String, FrameworkNode> nodes = new LinkedHashMap<>();
        List<TargetGroup> groups = new ArrayList<>();
        boolean nodeTags = false;
        boolean groupTags = false;
        for (IatiReader.Tag t : a.tags()) {
            if (IatiCodes.NODE_VOCABULARY.equals(t.vocabularyUri())) {
                nodeTags = true;
                Optional<FrameworkNode> node = frameworks.findNode(t.code());
                node.ifPresentOrElse(n -> nodes.putIfAbsent(n.code(), n),
                        () -> notes.add(note(t.line(), "initiatives.iati.note.node", String.valueOf(t.code()))));
            }
            else if (IatiCodes.TARGET_GROUP_VOCABULARY.equals(t.vocabularyUri())) {
                groupTags = true;
                TargetGroup.parse(t.code()).ifPresentOrElse(g -> {
                    if (!groups.contains(g)) {
                        groups.add(g);
                    }
                }, () -> notes.add(note(t.line(), "initiatives.iati.note.targetGroup", String.valueOf(t.code()))));
            }
            else {
                notes.add(note(t.line(), "initiatives.iati.note.tag", String.valueOf(t.vocabulary()), String.valueOf(t.code())));
            }
        }

        List<Budget> budgets = new ArrayList<>();
        int bi = 0;
        for (IatiReader.Money m : a.budgets()) {
            String where = path + "/budget[" + (++bi) + "]";
            BudgetType type = m.type() == null ? BudgetType.ORIGINAL
                    : BudgetType.parse(m.type()).filter(x -> m.type().matches("\\d")).orElse(null);
            if (type == null) {
                notes.add(note(m.line(), "initiatives.iati.note.budgetType", m.type()));
                continue;
            }
            LocalDate start = day(m.start());
            LocalDate end = day(m.end());
            if (start == null || end == null) {
                continue;
            }
            if (end.isBefore(start)) {
                errors.add(error(where, "initiatives.iati.endBeforeStart", m.line(), "budget"));
            }
            else if (!end.isBefore(start.plusYears(1))) {
                errors.add(error(where, "initiatives.iati.budgetPeriod", m.line(), "budget"));
            }
            BigDecimal amount = amount(m, where, "budget", errors);
            String currency = currency(m, a.defaultCurrency(), where, "budget", errors, notes);
            if (amount != null && currency != null) {
                budgets.add(new Budget(type, start, end, amount, currency));
            }
        }
        List<Transaction> transactions = new ArrayList<>();
        int ti = 0;
        for (IatiReader.Money m : a.transactions()) {
            String where = path + "/transaction[" + (++ti) + "]";
            Optional<TransactionType> type = TransactionType.parse(m.type()).filter(x -> m.type().matches("\\d+"));
            if (type.isEmpty()) {
                notes.add(note(m.line(), "initiatives.iati.note.transactionType", String.valueOf(m.type())));
                continue;
            }
            LocalDate date = day(m.start());
            if (date == null) {
                continue;
            }
            if (date.isAfter(today)) {
                errors.add(error(where, "initiatives.iati.future", m.line(), "transaction-date"));
            }
            BigDecimal amount = amount(m, where, "transaction", errors);
            String currency = currency(m, a.defaultCurrency(), where, "transaction", errors, notes);
            if (amount != null && currency != null) {
                transactions.add(new Transaction(type.get(), date, amount, currency, m.description()));
            }
        }

        LocalizedText title = a.title();
        if (title.isEmpty()) {
            title = LocalizedText.of(null, null, identifier);
            notes.add(note(a.line(), "initiatives.iati.note.noTitle"));
        }
        if (title.fr() != null && title.fr().length() > InputChecks.MAX_TITLE
                || title.en() != null && title.en().length() > InputChecks.MAX_TITLE
                || title.ar() != null && title.ar().length() > InputChecks.MAX_TITLE) {
            errors.add(error(path + "/title", "initiatives.iati.tooLong", a.line(), "title", InputChecks.MAX_TITLE));
        }

        Map<String, FrameworkNode> linked = !nodeTags && before != null ? liveNodes(existing.get().id()) : nodes;
        State after = new State(title, a.description(), status,
                before == null ? Visibility.PUBLIC : before.visibility(), reporting,
                a.reporting() != null && a.reporting().secondaryReporter(), participations,
                new InitiativeDates(plannedStart, plannedEnd, actualStart, actualEnd), budgets, transactions,
                regions.isEmpty() && before != null ? before.regions() : regions,
                places.isEmpty() && before != null ? before.places() : places,
                !groupTags && before != null ? before.targetGroups() : groups,
                List.copyOf(linked.keySet()), before == null ? List.of() : before.sources());

        PartialDate asOf = PartialDate.of(today);
        LocalDate updated = a.lastUpdated() == null || a.lastUpdated().length() < 10 ? null : day(a.lastUpdated().substring(0, 10));
        if (updated != null && !updated.isAfter(today)) {
            asOf = PartialDate.of(updated);
        }
        if (notBefore != null && asOf.earliest().isBefore(notBefore.earliest())) {
            asOf = notBefore;
        }

        List<FieldChange> changes = Changes.between(before, after);
        Action action = existing.isEmpty() ? Action.CREATE : changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
        String code = existing.isPresent() ? existing.get().code() : code(identifier, codes);
        return new Planned(a, identifier, code, existing.orElse(null), before, after, asOf, linked, changes, action, notes);
    }

    private Map<String, FrameworkNode> liveNodes(long initiativeId) {
        Map<String, FrameworkNode> nodes = new LinkedHashMap<>();
        repository.links(initiativeId).stream().filter(InitiativeRepository.LinkRow::live)
                .forEach(l -> frameworks.findNode(l.nodeCode()).ifPresent(n -> nodes.put(n.code(), n)));
        return nodes;
    }

    /** A Marsad code for a new activity: its identifier where it fits the code pattern, made unique. */
    private String code(String identifier, Set<String> taken) {
        String base = identifier.replaceAll("[^A-Za-z0-9._:-]", "-");
        if (!base.matches("[A-Za-z0-9].*")) {
            base = "X" + base;
        }
        base = base.length() > 90 ? base.substring(0, 90) : base;
        String code = base;
        for (int n = 2; taken.contains(code) || repository.findByCode(code).isPresent(); n++) {
            code = base + "-" + n;
        }
        taken.add(code);
        return code;
    }

    /** A registered organisation when its reference or name is known to the registry, else the file's own label. */
    private OrganisationLabel organisation(IatiReader.Org org, List<Note> notes) {
        if (org == null) {
            return null;
        }
        if (org.ref() != null && !org.ref().isBlank()) {
            Optional<Organisation> found = checks.organisation(org.ref());
            if (found.isPresent()) {
                return InputChecks.label(found.get());
            }
        }
        boolean named = org.name() != null && !org.name().isEmpty();
        if ((org.ref() == null || org.ref().isBlank()) && !named) {
            return null;
        }
        notes.add(note(org.line(), "initiatives.iati.note.unregistered", org.ref() == null ? "" : org.ref()));
        return new OrganisationLabel(null, null, org.ref() == null || org.ref().isBlank() ? null : org.ref(),
                named ? org.name() : null);
    }

    private static BigDecimal amount(IatiReader.Money m, String where, String element, List<FieldError> errors) {
        try {
            BigDecimal amount = new BigDecimal(m.amount());
            if (amount.signum() < 0) {
                errors.add(error(where + "/value", "initiatives.iati.negative", m.line(), element));
                return null;
            }
            if (amount.compareTo(InputChecks.MAX_AMOUNT) >= 0 || amount.scale() > 4) {
                errors.add(error(where + "/value", "initiatives.iati.amount", m.line(), element));
                return null;
            }
            return amount;
        }
        catch (NumberFormatException | NullPointerException e) {
            errors.add(error(where + "/value", "initiatives.iati.amount", m.line(), element));
            return null;
        }
    }

    private static String currency(IatiReader.Money m, String defaultCurrency, String where, String element,
            List<FieldError> errors, List<Note> notes) {
        String code = m.currency() != null && !m.currency().isBlank() ? m.currency() : defaultCurrency;
        if (code == null || code.isBlank()) {
            notes.add(note(m.line(), "initiatives.iati.note.noCurrency", element));
            return null;
        }
        String c = code.strip();
        if (!InputChecks.isCurrency(c)) {
            errors.add(error(where + "/value", "initiatives.iati.currency", m.line(), element, c));
            return null;
        }
        return c;
    }

    /** An xsd:date, whose time zone (allowed by the schema) Marsad does not keep. */
    private static LocalDate day(String isoDate) {
        if (isoDate == null || isoDate.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate.substring(0, 10));
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Note note(int line, String key, String... args) {
        List<String> all = new ArrayList<>();
        all.add(String.valueOf(line));
        all.addAll(List.of(args));
        return new Note(line, key, all);
    }

    private static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, key, args);
    }
}
