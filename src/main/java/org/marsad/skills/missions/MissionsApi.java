package org.marsad.skills.missions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.ConflictException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccount;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.FreeText;
import org.marsad.skills.VisibleField;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.experts.ExpertContact;
import org.marsad.skills.experts.ExpertErasing;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.ExportContributor;
import org.marsad.skills.matching.Explanation;
import org.marsad.skills.matching.MatchingApi;
import org.marsad.skills.notifications.Notifications;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missions, traced to the end: an institution proposes (shortlists) an expert its demand matches, contacts them;
 * the expert accepts or declines with a reason; the institution schedules, the mission starts and completes; both
 * sides evaluate it; the institution closes it. Every step is dated in the trail, audited, and notified to the other
 * side through the outbox. The expert sees a mission once contacted, with the whole trail and why they were proposed.
 */
@Service
public class MissionsApi implements ExportContributor {

    static final String INSTITUTION = "INSTITUTION";
    static final String EXPERT = "EXPERT";

    private final MissionRepository missions;
    private final DemandsApi demands;
    private final ExpertsApi experts;
    private final MatchingApi matching;
    private final OrganisationsApi organisations;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final AuditLog audit;

    MissionsApi(MissionRepository missions, DemandsApi demands, ExpertsApi experts, MatchingApi matching,
            OrganisationsApi organisations, Notifications notifications, UserAccounts accounts, AuditLog audit) {
        this.missions = missions;
        this.demands = demands;
        this.experts = experts;
        this.matching = matching;
        this.organisations = organisations;
        this.notifications = notifications;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The institution shortlists an expert its published demand matches: a PROPOSED mission, with the match as it is now. */
    @Transactional
    public Mission propose(long demandId, long expertId) {
        MarsadPrincipal me = CurrentUser.require(Role.INSTITUTION, Role.ADMIN);
        Demand demand = demands.read(demandId);
        if (!demands.canManage(demand)) {
            throw new AccessDeniedException("only the demand's institution proposes experts");
        }
        if (demand.status() != DemandStatus.PUBLISHED) {
            throw new ConflictException("demandId", "skills.missions.demandNotPublished");
        }
        ExpertProfile expert = experts.find(expertId).orElseThrow(() -> new NotFoundException("expert", expertId));
        if (missions.exists(demandId, expertId)) {
            throw new ConflictException("expertId", "skills.missions.alreadyProposed");
        }
        Explanation explanation = matching.explain(demand, expertId)
                .orElseThrow(() -> new ConflictException("expertId", "skills.missions.notAMatch"));
        long id = missions.insert(demandId, expertId, demand.organisationId(), explanation.score(), explanation,
                expert.country(), me.id(), false);
        matching.markShown(demandId, expertId, null);
        missions.event(id, "PROPOSE", null, MissionState.PROPOSED, side(me), me.id(), null);
        Mission created = load(id);
        audit.record("PROPOSE", "skills.mission", Long.toString(id), "expert proposed for demand " + demandId, null,
                auditImage(created), false);
        return created;
    }

    /** Takes an action on a mission, for the side the current user is on; illegal moves are refused with 409. */
    @Transactional
    public Mission act(long id, MissionAction action, MissionInput input) {
        MarsadPrincipal me = CurrentUser.required();
        MissionRepository.Row row = missions.find(id).orElseThrow(() -> new NotFoundException("mission", id));
        String side = sideOf(me, row);
        if (action.side() == MissionAction.Side.INSTITUTION && !INSTITUTION.equals(side)
                || action.side() == MissionAction.Side.EXPERT && !EXPERT.equals(side)) {
            throw new AccessDeniedException("this action belongs to the other side");
        }
        if (!action.allowedFrom(row.state())) {
            throw new ConflictException("state", "skills.missions.illegal." + action.name());
        }
        MissionInput in = input == null ? MissionInput.none() : input;
        Validation v = Validation.start();
        String note = FreeText.clean(in.note());
        FreeText.check(v, "note", note, 2000);
        if (action.needsNote()) {
            v.required("note", note);
        }
        LocalDate start = null;
        LocalDate end = null;
        if (action == MissionAction.SCHEDULE) {
            start = ExpertsApi.date(v, "startDate", in.startDate());
            end = ExpertsApi.date(v, "endDate", in.endDate());
            if (start != null && end != null && end.isBefore(start)) {
                v.reject("endDate", "skills.validation.endBeforeStart");
            }
        }
        if (action == MissionAction.EVALUATE) {
            rating(v, "overall", in.overall());
            rating(v, "objectives", in.objectives());
            rating(v, "cooperation", in.cooperation());
            v.required("wouldRepeat", in.wouldRepeat());
            FreeText.check(v, "comment", FreeText.clean(in.comment()), 2000);
        }
        v.throwIfInvalid();
        Mission before = load(id);
        Optional<ExpertContact> contact = row.expertId() == null ? Optional.empty() : experts.contact(row.expertId());
        if (action == MissionAction.CONTACT && (contact.isEmpty() || !contact.get().contactConsent())) {
            throw new ConflictException("state", "skills.missions.noContactConsent");
        }
        MissionState to = action.to();
        if (action == MissionAction.EVALUATE) {
            if (before.evaluatedBy(side)) {
                throw new ConflictException("state", "skills.missions.alreadyEvaluated");
            }
            missions.evaluation(id, side, in.overall(), in.objectives(), in.cooperation(), in.wouldRepeat(),
                    FreeText.clean(in.comment()));
            boolean both = before.evaluatedBy(other(side));
            to = both ? MissionState.EVALUATED : row.state();
        }
        if (to != row.state() && !missions.transition(id, row.state(), to, start, end)) {
            throw new ConflictException("state", "skills.missions.changedMeanwhile");
        }
        if (to == row.state()) {
            missions.bumpVersion(id);
        }
        missions.event(id, action.name(), row.state(), to, side, me.id(), note);
        Mission after = load(id);
        audit.record(action.name(), "skills.mission", Long.toString(id), "mission " + row.state() + " → " + to,
                auditImage(before), auditImage(after), false);
        notifyOtherSide(after, action, side, note, contact);
        return after;
    }

    @Transactional(readOnly = true)
    public Mission get(long id) {
        MarsadPrincipal me = CurrentUser.required();
        MissionRepository.Row row = missions.find(id).orElseThrow(() -> new NotFoundException("mission", id));
        String side = sideOf(me, row);
        if (EXPERT.equals(side) && !row.contacted()) {
            throw new NotFoundException("mission", id);
        }
        return load(id);
    }

    /** Missions the reader takes part in: an expert's (once contacted), an institution's, all for ADMIN. */
    @Transactional(readOnly = true)
    public PageResult<Mission> list(Long demandId, PageQuery page) {
        MarsadPrincipal me = CurrentUser.required();
        Long organisation = null;
        Long expert = null;
        if (!me.has(Role.ADMIN)) {
            if (me.has(Role.INSTITUTION) && me.organisationId() != null) {
                organisation = me.organisationId();
            }
            else {
                expert = experts.myId().orElse(-1L);
            }
        }
        Map<Long, Mission> cache = new HashMap<>();
        List<Mission> items = missions.list(organisation, expert, demandId, page.size(), page.offset()).stream()
                .map(r -> cache.computeIfAbsent(r.id(), this::load)).toList();
        return new PageResult<>(items, page.page(), page.size(), missions.count(organisation, expert, demandId));
    }

    /** The missions of a demand by expert, for its institution's match list (which experts are already proposed). */
    @Transactional(readOnly = true)
    public Map<Long, Mission> ofDemand(long demandId) {
        Demand demand = demands.read(demandId);
        if (!demands.canManage(demand)) {
            return Map.of();
        }
        Map<Long, Mission> byExpert = new LinkedHashMap<>();
        for (MissionRepository.Row r : missions.list(null, null, demandId, 500, 0)) {
            if (r.expertId() != null) {
                byExpert.put(r.expertId(), load(r.id()));
            }
        }
        return byExpert;
    }

    /** The side the current user is on for this mission, or 404 when they have nothing to do with it. */
    public String sideOf(Mission mission) {
        return CurrentUser.get().map(me -> {
            try {
                return sideOf(me, missions.find(mission.id()).orElseThrow());
            }
            catch (NotFoundException e) {
                return null;
            }
        }).orElse(null);
    }

    private String sideOf(MarsadPrincipal me, MissionRepository.Row row) {
        if (me.has(Role.INSTITUTION) && me.organisationId() != null && me.organisationId() == row.organisationId()) {
            return INSTITUTION;
        }
        if (row.expertId() != null && experts.myId().map(id -> id.equals(row.expertId())).orElse(false)) {
            return EXPERT;
        }
        if (me.has(Role.ADMIN)) {
            return INSTITUTION;
        }
        throw new NotFoundException("mission", row.id());
    }

    private static String side(MarsadPrincipal me) {
        return me.has(Role.INSTITUTION) ? INSTITUTION : "ADMIN";
    }

    private static String other(String side) {
        return EXPERT.equals(side) ? INSTITUTION : EXPERT;
    }

    private static void rating(Validation v, String field, Integer value) {
        if (value == null) {
            v.reject(field, "validation.required");
        }
        else if (value < 1 || value > 5) {
            v.reject(field, "validation.between", 1, 5);
        }
    }

    /** Reminders for steps that wait too long: one per mission, state and recipient. Returns how many were written. */
    @Transactional
    public int remindStalled(OffsetDateTime before) {
        int written = 0;
        for (MissionRepository.Stalled s : missions.stalled(before)) {
            Mission m = load(s.id());
            List<Long> recipients = new ArrayList<>();
            boolean toExpert = s.state() == MissionState.CONTACTED
                    || (s.state() == MissionState.COMPLETED && !m.evaluatedBy(EXPERT));
            boolean toInstitution = s.state() != MissionState.CONTACTED
                    && !(s.state() == MissionState.COMPLETED && m.evaluatedBy(INSTITUTION));
            if (toExpert && m.expertId() != null) {
                experts.contact(m.expertId()).map(ExpertContact::userId).ifPresent(recipients::add);
            }
            if (toInstitution) {
                institutionUsers(m).forEach(recipients::add);
            }
            boolean any = false;
            for (Long user : recipients) {
                if (user != null && notifications.notifyUser(user, new Notifications.Message("reminder." + s.state(),
                        "reminder:" + m.id() + ":" + s.state() + ":" + s.stateSince().toEpochSecond() + ":" + user,
                        "/skills/missions/" + m.id(), List.of(m.demandTitle(), m.id()), m.id(), m.demandId()))) {
                    any = true;
                    written++;
                }
            }
            if (any) {
                missions.event(m.id(), "REMIND", s.state(), s.state(), "SYSTEM", null, null);
            }
        }
        return written;
    }

    private void notifyOtherSide(Mission m, MissionAction action, String side, String note, Optional<ExpertContact> contact) {
        String kind = "mission." + action.name();
        List<Object> args = List.of(m.demandTitle(), m.organisationName(), m.id(), note == null ? "" : note);
        String link = "/skills/missions/" + m.id();
        boolean toExpert = !EXPERT.equals(side) && (action != MissionAction.CANCEL || m.trail().stream()
                .anyMatch(s -> s.action().equals(MissionAction.CONTACT.name())));
        if (toExpert && contact.isPresent() && contact.get().userId() != null) {
            long user = contact.get().userId();
            notifications.notifyUser(user, new Notifications.Message(kind, "mission:" + m.id() + ":" + action + ":" + side + ":" + user,
                    link, args, m.id(), m.demandId()));
        }
        if (!INSTITUTION.equals(side) || action == MissionAction.START) {
            for (long user : institutionUsers(m)) {
                if (CurrentUser.get().map(me -> me.id() == user).orElse(false)) {
                    continue;
                }
                notifications.notifyUser(user, new Notifications.Message(kind, "mission:" + m.id() + ":" + action + ":" + side + ":" + user,
                        link, args, m.id(), m.demandId()));
            }
        }
    }

    private List<Long> institutionUsers(Mission m) {
        return accounts.members(m.organisationId(), Role.INSTITUTION).stream().map(UserAccount.UserView::id).toList();
    }

    private Mission load(long id) {
        MissionRepository.Row r = missions.find(id).orElseThrow(() -> new NotFoundException("mission", id));
        Demand demand = demands.find(r.demandId()).orElseThrow();
        Optional<Organisation> org = organisations.find(r.organisationId());
        String expertName = null;
        if (r.expertId() != null) {
            expertName = experts.find(r.expertId())
                    .map(p -> showsName(p, r) ? p.displayName() : null).orElse(null);
        }
        return new Mission(r.id(), r.demandId(), demand.title(), r.organisationId(), org.map(Organisation::code).orElse(null),
                org.map(Organisation::name).orElse(LocalizedText.of(null, null, null)), r.expertId(), expertName,
                r.expertErased(), r.state(), r.score(), r.explanation(), r.expertCountry(), r.scheduledStart(),
                r.scheduledEnd(), r.stateSince(), r.createdAt(), r.synthetic(), r.version(), missions.trail(id),
                missions.evaluations(id));
    }

    /** The institution sees the expert's name if the expert chose so, or once they accepted the mission. */
    private static boolean showsName(ExpertProfile p, MissionRepository.Row r) {
        return p.visibleFields().contains(VisibleField.NAME) || switch (r.state()) {
            case ACCEPTED, SCHEDULED, IN_PROGRESS, COMPLETED, EVALUATED, CLOSED -> true;
            default -> false;
        };
    }

    /** What the audit log keeps of a mission: its state and dates, not the people's words. */
    private static Map<String, Object> auditImage(Mission m) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("demandId", m.demandId());
        image.put("expertId", m.expertId());
        image.put("state", m.state());
        image.put("score", m.score());
        image.put("scheduledStart", m.scheduledStart());
        image.put("scheduledEnd", m.scheduledEnd());
        image.put("evaluations", m.evaluations().stream().map(Mission.Evaluation::side).toList());
        return image;
    }

    /** Demo mode only: a synthetic mission moved through its states with dated steps. */
    @Transactional
    public long seedSynthetic(long demandId, long expertId, Explanation explanation, String country, List<SyntheticStep> steps,
            List<Mission.Evaluation> evaluations, LocalDate start, LocalDate end) {
        Demand demand = demands.find(demandId).orElseThrow();
        long id = missions.insert(demandId, expertId, demand.organisationId(), explanation.score(), explanation, country, null, true);
        missions.event(id, "PROPOSE", null, MissionState.PROPOSED, INSTITUTION, null, null);
        MissionState state = MissionState.PROPOSED;
        for (SyntheticStep step : steps) {
            missions.transition(id, state, step.to(), step.to() == MissionState.SCHEDULED ? start : null,
                    step.to() == MissionState.SCHEDULED ? end : null);
            missions.event(id, step.action().name(), state, step.to(), step.action().side() == MissionAction.Side.EXPERT
                    ? EXPERT : INSTITUTION, null, step.note());
            state = step.to();
        }
        for (Mission.Evaluation e : evaluations) {
            missions.evaluation(id, e.side(), e.overall(), e.objectives(), e.cooperation(), e.wouldRepeat(), e.comment());
        }
        return id;
    }

    public record SyntheticStep(MissionAction action, MissionState to, String note) {
    }

    @EventListener
    void onErasure(ExpertErasing erasing) {
        missions.forgetExpert(erasing.expertId());
    }

    @Override
    public String section() {
        return "missions";
    }

    @Override
    public Object export(long expertId, Long userId) {
        List<Mission> mine = new ArrayList<>();
        for (MissionRepository.Row r : missions.list(null, expertId, null, 10_000, 0)) {
            mine.add(load(r.id()));
        }
        return mine;
    }
}
