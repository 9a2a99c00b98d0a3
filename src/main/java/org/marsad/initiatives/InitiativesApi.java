package org.marsad.initiatives;

import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.marsad.frameworks.FrameworkNode;
import org.marsad.frameworks.FrameworksApi;
import org.marsad.initiatives.internal.Changes;
import org.marsad.initiatives.internal.Criteria;
import org.marsad.initiatives.internal.CriteriaBuilder;
import org.marsad.initiatives.internal.IatiExport;
import org.marsad.initiatives.internal.IatiImport;
import org.marsad.initiatives.internal.InitiativeRepository;
import org.marsad.initiatives.internal.InitiativeRepository.InitiativeRow;
import org.marsad.initiatives.internal.InitiativeRepository.LinkRow;
import org.marsad.initiatives.internal.InitiativeRepository.RevisionRow;
import org.marsad.initiatives.internal.InitiativeWriter;
import org.marsad.initiatives.internal.InputChecks;
import org.marsad.initiatives.internal.Scoreboards;
import org.marsad.initiatives.internal.StampedCache;
import org.marsad.initiatives.internal.State;
import org.marsad.initiatives.internal.Viewer;
import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.PartialDate;
import org.marsad.platform.Validation;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The initiatives module's public API.
 *
 * <p>Reading: anyone reads public initiatives; internal ones only COORDINATOR, ADMIN and the members of the
 * organisations that have a role in them (to everyone else they do not exist). Every read can be "as of" a date:
 * the state recorded as holding that day, and the links valid that day.
 *
 * <p>Writing: a FOCAL_POINT creates and changes the initiatives in which their organisation has a role (anyone
 * else's is a 403); COORDINATOR and ADMIN change all. Every change is a new revision holding from a date (never
 * in the future, never before the current state), with who and when; a status change needs a comment. Writes
 * are audited, bump {@code version} (a stale version is a 409) and publish {@link InitiativeCreated},
 * {@link InitiativeUpdated} and {@link InitiativeStatusChanged}.
 *
 * <p>For other modules: {@link #findByIdentifier}, {@link #canEdit} and {@link #canView} work on
 * {@link InitiativeRef} and ignore the reader's rights (callers check them).
 */
@Service
@Transactional(readOnly = true)
public class InitiativesApi {

    /** Pages of lists kept (at most 200 initiatives each). */
    static final int LIST_CACHE_SIZE = 128;

    private final InitiativeRepository repository;
    private final InitiativeWriter writer;
    private final InputChecks checks;
    private final OrganisationsApi organisations;
    private final FrameworksApi frameworks;
    private final Scoreboards scoreboards;
    private final StampedCache<PageResult<InitiativeSummary>> lists = new StampedCache<>(LIST_CACHE_SIZE, Duration.ofMinutes(1));
    private final CriteriaBuilder criteriaBuilder;
    private final IatiExport iatiExport;
    private final IatiImport iatiImport;

    InitiativesApi(InitiativeRepository repository, InitiativeWriter writer, InputChecks checks,
            OrganisationsApi organisations, FrameworksApi frameworks, Scoreboards scoreboards,
            CriteriaBuilder criteriaBuilder, IatiExport iatiExport, IatiImport iatiImport) {
        this.criteriaBuilder = criteriaBuilder;
        this.repository = repository;
        this.writer = writer;
        this.checks = checks;
        this.organisations = organisations;
        this.frameworks = frameworks;
        this.scoreboards = scoreboards;
        this.iatiExport = iatiExport;
        this.iatiImport = iatiImport;
    }

    /** The current state of an initiative the reader may see; 404 otherwise. */
    public Initiative get(long id) {
        return get(id, null);
    }

    /** The initiative as of a date (null: now); 404 if it did not exist then or the reader may not see it. */
    public Initiative get(long id, LocalDate asOf) {
        InitiativeRow row = repository.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
        RevisionRow revision = (asOf == null ? repository.currentRevision(id) : repository.revisionAsOf(id, asOf))
                .orElseThrow(() -> new NotFoundException("initiative", id));
        Initiative initiative = toInitiative(row, revision, repository.links(id), asOf);
        if (!canView(CurrentUser.get().orElse(null), initiative.ref())) {
            throw new NotFoundException("initiative", id);
        }
        return initiative;
    }

    /** By id, IATI identifier or code, as URLs and API clients name initiatives. */
    public Initiative get(String idOrIdentifier, LocalDate asOf) {
        return get(lookup(idOrIdentifier).orElseThrow(() -> new NotFoundException("initiative", idOrIdentifier)).id(), asOf);
    }

    /** Any initiative by IATI identifier or Marsad code, whoever reads. */
    public Optional<InitiativeRef> findByIdentifier(String identifierOrCode) {
        return lookup(identifierOrCode).flatMap(row -> repository.currentRevision(row.id()).map(r -> ref(row, r.state())));
    }

    /** COORDINATOR and ADMIN edit every initiative; a FOCAL_POINT those in which their organisation has a role. */
    public boolean canEdit(MarsadPrincipal user, InitiativeRef initiative) {
        if (user == null || initiative == null) {
            return false;
        }
        if (user.hasAny(Role.COORDINATOR, Role.ADMIN)) {
            return true;
        }
        return user.has(Role.FOCAL_POINT) && user.organisationId() != null
                && initiative.organisationIds().contains(user.organisationId());
    }

    /** Public initiatives are for everyone; internal ones for COORDINATOR, ADMIN and members of the organisations in them. */
    public boolean canView(MarsadPrincipal user, InitiativeRef initiative) {
        if (initiative.visibility() == Visibility.PUBLIC) {
            return true;
        }
        Viewer viewer = Viewer.of(user);
        return viewer.all() || (viewer.organisationId() != null && initiative.organisationIds().contains(viewer.organisationId()));
    }

    /**
     * A page of initiatives. Lists are read far more often than initiatives change: a page is kept until the next
     * write (or a minute, for renamed partners), per filters, order, page and what the reader may see.
     */
    public PageResult<InitiativeSummary> search(InitiativeFilter filter, String order, PageQuery page) {
        InitiativeFilter asked = filter == null ? InitiativeFilter.none() : filter;
        Viewer viewer = Viewer.current();
        String sort = order == null ? "code" : order;
        // Keyed by the filters as asked: checking them reads frameworks and organisations, so only a miss does it
        // (a bad filter throws and is not kept, so it is refused every time).
        String key = asked + "|" + viewer.key() + "|" + sort + "|" + page.page() + "|" + page.size();
        return lists.get(key, repository.stamp(), () -> {
            Criteria criteria = criteriaBuilder.build(asked, viewer);
            List<InitiativeRepository.ListRow> rows = repository.search(criteria, sort, page.size(), page.offset());
            Map<Long, List<String>> nodes = repository.nodeCodes(rows.stream().map(InitiativeRepository.ListRow::id).toList(),
                    criteria.asOf());
            List<InitiativeSummary> items = rows.stream().map(r -> summary(r, nodes.getOrDefault(r.id(), List.of()))).toList();
            return new PageResult<>(items, page.page(), page.size(), repository.count(criteria));
        });
    }

    /** The recorded states, newest first: who recorded each and when, from which date it holds, what changed. */
    public List<HistoryEntry> history(long id) {
        get(id);
        return repository.revisions(id).stream()
                .map(r -> new HistoryEntry(r.seq(), r.kind(), r.validFrom(), r.recordedAt(), r.recordedBy(), r.comment(),
                        r.changes()))
                .toList();
    }

    @Transactional
    public Initiative create(InitiativeInput input) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        InputChecks.Checked checked = checks.check(input, null, null, LocalDate.now());
        State state = checked.state();
        if (!user.hasAny(Role.COORDINATOR, Role.ADMIN)
                && (user.organisationId() == null || !Set.of(state.organisationIds()).contains(user.organisationId()))) {
            throw new AccessDeniedException("a focal point creates initiatives of their own organisation only");
        }
        String identifier = identifier(state.reportingOrganisation(), checked.code());
        if (repository.codeOrIdentifierTaken(checked.code(), identifier)) {
            throw new ConflictException("code", "validation.duplicate");
        }
        long id = writer.create(user.username(), checked.code(), identifier, "USER", state, checked.asOf(), "CREATE",
                checked.comment(), checked.nodes(), Map.of(), true);
        return get(id);
    }

    @Transactional
    public Initiative update(long id, InitiativeInput input) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        InitiativeRow row = repository.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
        RevisionRow current = repository.currentRevision(id).orElseThrow();
        InitiativeRef ref = ref(row, current.state());
        if (!canView(user, ref)) {
            throw new NotFoundException("initiative", id);
        }
        if (!canEdit(user, ref)) {
            throw new AccessDeniedException("not an initiative of the user's organisation");
        }
        InputChecks.Checked checked = checks.check(input, current.state(), current.validFrom(), LocalDate.now());
        State checkedState = checked.state();
        if (!user.hasAny(Role.COORDINATOR, Role.ADMIN) && !Set.of(checkedState.organisationIds()).contains(user.organisationId())) {
            throw new InvalidInputException("participations", "initiatives.validation.keepOwnRole");
        }
        State after = new State(checkedState.title(), checkedState.description(), checkedState.status(),
                checkedState.visibility(), checkedState.reportingOrganisation(), current.state().secondaryReporter(),
                checkedState.participations(), checkedState.dates(), checkedState.budgets(), checkedState.transactions(),
                checkedState.regions(), checkedState.places(), checkedState.targetGroups(), checkedState.nodes(),
                checkedState.sources());
        return record(row, current, after, checked.asOf(), checked.comment(), checked.nodes(), checked.linkRemovalReason(),
                input.version());
    }

    @Transactional
    public Initiative changeStatus(long id, StatusChange change) {
        MarsadPrincipal user = CurrentUser.require(Role.FOCAL_POINT, Role.COORDINATOR, Role.ADMIN);
        InitiativeRow row = repository.find(id).orElseThrow(() -> new NotFoundException("initiative", id));
        RevisionRow current = repository.currentRevision(id).orElseThrow();
        InitiativeRef ref = ref(row, current.state());
        if (!canView(user, ref)) {
            throw new NotFoundException("initiative", id);
        }
        if (!canEdit(user, ref)) {
            throw new AccessDeniedException("not an initiative of the user's organisation");
        }
        Validation v = Validation.start();
        ActivityStatus status = null;
        if (change.status() == null || change.status().isBlank()) {
            v.reject("status", "validation.required");
        }
        else {
            status = ActivityStatus.parse(change.status()).orElse(null);
            if (status == null) {
                v.reject("status", "validation.unknown");
            }
            else if (status == current.state().status()) {
                v.reject("status", "initiatives.validation.sameStatus");
            }
        }
        PartialDate asOf = checks.asOf(v, change.asOf(), current.validFrom(), LocalDate.now());
        LocalizedText comment = change.comment() == null ? LocalizedText.of(null, null, null) : change.comment();
        v.required("comment", comment).maxLength("comment", comment, 2000).required("version", change.version());
        v.throwIfInvalid();
        Map<String, FrameworkNode> nodes = liveNodes(id);
        return record(row, current, current.state().withStatus(status), asOf, comment, nodes, null, change.version());
    }

    private Initiative record(InitiativeRow row, RevisionRow current, State after, PartialDate asOf, LocalizedText comment,
            Map<String, FrameworkNode> nodes, String removalReason, Integer version) {
        if (version == null || version != row.version()) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        if (Changes.between(current.state(), after).isEmpty() && (comment == null || comment.isEmpty())) {
            return get(row.id());
        }
        if (!repository.bumpVersion(row.id(), version, true)) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        String kind = current.state().status() != after.status() ? "STATUS" : "UPDATE";
        writer.update(CurrentUser.actorName(), row, current.state(), after, asOf, kind, comment, nodes, removalReason,
                Map.of());
        return get(row.id());
    }

    /**
     * The scoreboard of a framework (MP2013, GCM, SNIA…): its sections, each node with the initiatives linked to it,
     * counts by status and by partner, the partners × sections matrix and the nodes without any initiative (gaps),
     * for the current state or as of a date.
     */
    public Scoreboard scoreboard(String frameworkCode, ScoreboardFilter filter, int itemsPerNode) {
        return scoreboards.compute(frameworkCode, filter == null ? ScoreboardFilter.none() : filter, itemsPerNode,
                Viewer.current());
    }

    /** Checks a scoreboard's filter without computing the scoreboard: every bad filter in one exception. */
    public void checkScoreboardFilter(String frameworkCode, ScoreboardFilter filter) {
        scoreboards.check(frameworkCode, filter == null ? ScoreboardFilter.none() : filter, Viewer.current());
    }

    /**
     * Checks the filter now and returns the writer of {@code <iati-activities version="2.03">} with every current
     * initiative the reader may see (or those one organisation reports); it reads the database a page at a time,
     * so it can stream any number of activities.
     */
    public Consumer<OutputStream> iatiExport(String reportingOrganisation) {
        Long reportingId = null;
        if (reportingOrganisation != null && !reportingOrganisation.isBlank()) {
            reportingId = checks.organisation(reportingOrganisation)
                    .map(Organisation::id)
                    .orElseThrow(() -> new InvalidInputException("reportingOrg", "initiatives.validation.unknownOrganisation"));
        }
        Long reporting = reportingId;
        Viewer viewer = Viewer.current();
        return out -> iatiExport.write(out, reporting, viewer);
    }

    /** Checks an IATI activities file and says what importing it would change; nothing changes yet. */
    @Transactional
    public IatiImportPreview previewIatiImport(String fileName, byte[] content) {
        return iatiImport.preview(fileName, content);
    }

    /** Applies a previewed import, all or nothing; a 409 if anything changed since the preview. */
    @Transactional
    public IatiImportPreview applyIatiImport(UUID id) {
        return iatiImport.apply(id);
    }

    public IatiImportPreview iatiImport(UUID id) {
        return iatiImport.get(id);
    }

    /** The input that would leave the initiative as it is: what an edit form starts from. */
    public InitiativeInput toInput(Initiative i) {
        return new InitiativeInput(i.code(),
                i.reportingOrganisation() == null ? null : i.reportingOrganisation().label(),
                i.title(), i.description(), String.valueOf(i.status().code()), i.visibility().name(),
                i.participations().stream().map(p -> new InitiativeInput.ParticipationInput(p.organisation().label(),
                        String.valueOf(p.role().code()))).toList(),
                new InitiativeInput.DatesInput(text(i.dates().plannedStart()), text(i.dates().plannedEnd()),
                        text(i.dates().actualStart()), text(i.dates().actualEnd())),
                i.budgets().stream().map(b -> new InitiativeInput.BudgetInput(b.type().name(), Objects.toString(b.periodStart(), null),
                        Objects.toString(b.periodEnd(), null), b.amount().toPlainString(), b.currency())).toList(),
                i.transactions().stream().map(t -> new InitiativeInput.TransactionInput(t.type().name(), t.date().toString(),
                        t.amount().toPlainString(), t.currency(), t.description())).toList(),
                i.regions(), i.places(), i.targetGroups().stream().map(Enum::name).toList(),
                i.liveLinks().stream().map(NodeLink::nodeCode).toList(), i.sources(), null, null, null, i.version());
    }

    private static String text(PartialDate d) {
        return d == null ? null : d.value();
    }

    private Map<String, FrameworkNode> liveNodes(long id) {
        Map<String, FrameworkNode> nodes = new LinkedHashMap<>();
        repository.links(id).stream().filter(LinkRow::live)
                .forEach(l -> frameworks.findNode(l.nodeCode()).ifPresent(n -> nodes.put(n.code(), n)));
        return nodes;
    }

    private Optional<InitiativeRow> lookup(String idOrIdentifier) {
        if (idOrIdentifier == null || idOrIdentifier.isBlank()) {
            return Optional.empty();
        }
        String v = idOrIdentifier.strip();
        if (v.matches("\\d{1,18}")) {
            Optional<InitiativeRow> byId = repository.find(Long.parseLong(v));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return repository.findByIdentifier(v).or(() -> repository.findByCode(v));
    }

    /** {reporting organisation's IATI identifier}-{code}, or the code when it has none. */
    static String identifier(OrganisationLabel reporting, String code) {
        String prefix = reporting == null ? null : reporting.ref();
        return prefix == null || prefix.isBlank() ? code : prefix + "-" + code;
    }

    private static InitiativeRef ref(InitiativeRow row, State state) {
        return new InitiativeRef(row.id(), row.code(), row.identifier(), state.title(), state.status(), state.visibility(),
                new LinkedHashSet<>(List.of(state.organisationIds())));
    }

    private InitiativeSummary summary(InitiativeRepository.ListRow r, List<String> nodes) {
        State s = r.state();
        return new InitiativeSummary(r.id(), r.code(), r.identifier(), s.title(), s.status(), s.visibility(),
                s.participations(), s.dates(), s.budgetTotals(), s.regions(), s.targetGroups(), nodes, r.asOf());
    }

    private Initiative toInitiative(InitiativeRow row, RevisionRow revision, List<LinkRow> links, LocalDate asOf) {
        State s = revision.state();
        Map<Long, OrganisationLabel> registry = registered(s);
        List<Participation> participations = s.participations().stream()
                .map(p -> new Participation(fresh(p.organisation(), registry), p.role(), p.asWritten())).toList();
        List<NodeLink> nodeLinks = links.stream()
                .filter(l -> asOf == null || (!l.validFrom().earliest().isAfter(asOf)
                        && (l.validTo() == null || l.validTo().earliest().isAfter(asOf))))
                // As of a date, a link valid that day is shown as it was then: live, whatever happened later.
                .map(l -> asOf == null
                        ? new NodeLink(l.id(), l.nodeCode(), l.frameworkCode(), nodeTitle(l.nodeCode()), l.validFrom(),
                                l.validTo(), l.rationale(), l.sources(), l.createdBy(), l.createdAt(), l.removedBy(),
                                l.removedAt(), l.removalReason())
                        : new NodeLink(l.id(), l.nodeCode(), l.frameworkCode(), nodeTitle(l.nodeCode()), l.validFrom(),
                                null, l.rationale(), l.sources(), l.createdBy(), l.createdAt(), null, null, null))
                .toList();
        return new Initiative(row.id(), row.code(), row.identifier(), s.title(), s.description(), s.status(),
                s.visibility(), s.reportingOrganisation() == null ? null : fresh(s.reportingOrganisation(), registry),
                s.secondaryReporter(), participations, s.dates(), s.budgets(), s.transactions(), s.budgetTotals(),
                s.regions(), s.places(), s.targetGroups(), nodeLinks, s.sources(), revision.validFrom(), revision.seq(),
                revision.recordedAt(), revision.recordedBy(), row.origin(), row.version());
    }

    private org.marsad.platform.LocalizedText nodeTitle(String code) {
        return frameworks.findNode(code).map(FrameworkNode::title).orElse(null);
    }

    /** The registered organisations of a state as the registry names them today, read together. */
    private Map<Long, OrganisationLabel> registered(State s) {
        List<Long> ids = new ArrayList<>();
        s.participations().stream().map(Participation::organisation).filter(OrganisationLabel::registered)
                .forEach(l -> ids.add(l.id()));
        if (s.reportingOrganisation() != null && s.reportingOrganisation().registered()) {
            ids.add(s.reportingOrganisation().id());
        }
        Map<Long, OrganisationLabel> labels = new HashMap<>();
        organisations.findAll(ids).forEach((id, o) -> labels.put(id, InputChecks.label(o)));
        return labels;
    }

    /** A registered organisation as the registry names it today (or as written, if it is no longer there). */
    private static OrganisationLabel fresh(OrganisationLabel label, Map<Long, OrganisationLabel> registry) {
        return label.registered() ? registry.getOrDefault(label.id(), label) : label;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
