package org.marsad.skills.demands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.FreeText;
import org.marsad.skills.Region;
import org.marsad.skills.Sector;
import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Institutions' demands: an INSTITUTION user writes them for their own organisation (ADMIN for any), publishes them
 * to be matched and closes them with a reason. Signed-in users read published and closed demands; drafts stay with
 * their organisation.
 */
@Service
public class DemandsApi {

    static final int MAX_SKILLS = 30;
    static final int MAX_LANGUAGES = 8;

    private final DemandRepository demands;
    private final OrganisationsApi organisations;
    private final EscoTaxonomy taxonomy;
    private final AuditLog audit;

    DemandsApi(DemandRepository demands, OrganisationsApi organisations, EscoTaxonomy taxonomy, AuditLog audit) {
        this.demands = demands;
        this.organisations = organisations;
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    @Transactional
    public Demand create(DemandInput input) {
        MarsadPrincipal me = CurrentUser.require(Role.INSTITUTION, Role.ADMIN);
        Validation v = Validation.start();
        Long organisation = me.has(Role.ADMIN) && input.organisationId() != null ? input.organisationId() : me.organisationId();
        if (organisation == null) {
            v.reject("organisationId", "skills.validation.noOrganisation");
        }
        else if (organisations.find(organisation).isEmpty()) {
            v.reject("organisationId", "validation.unknown");
        }
        Parsed parsed = parse(v, input);
        v.throwIfInvalid();
        long id = demands.insert(row(parsed, organisation, me.id(), false), parsed.skills(), parsed.languages());
        Demand created = find(id).orElseThrow();
        audit.record("CREATE", "skills.demand", Long.toString(id), "demand created (draft)", null, created, false);
        return created;
    }

    @Transactional
    public Demand update(long id, DemandInput input) {
        Demand before = manageable(id);
        if (before.status() == DemandStatus.CLOSED) {
            throw new ConflictException("status", "skills.demands.closedCannotChange");
        }
        Validation v = Validation.start();
        Parsed parsed = parse(v, input);
        if (input.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        if (!demands.update(id, row(parsed, before.organisationId(), before.createdBy(), before.synthetic()), parsed.skills(),
                parsed.languages(), input.version())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        Demand after = find(id).orElseThrow();
        audit.record("UPDATE", "skills.demand", Long.toString(id), "demand updated", before, after, before.status() != DemandStatus.DRAFT);
        return after;
    }

    @Transactional
    public Demand publish(long id) {
        Demand before = manageable(id);
        if (before.status() != DemandStatus.DRAFT) {
            throw new ConflictException("status", "skills.demands.onlyDraftPublishes");
        }
        Validation v = Validation.start();
        if (before.essentialSkills().isEmpty() && before.occupation() == null) {
            v.reject("skills", "skills.validation.nothingToMatch");
        }
        if (before.startDate() != null && before.startDate().isBefore(LocalDate.now())) {
            v.reject("startDate", "skills.validation.inThePast");
        }
        v.throwIfInvalid();
        demands.setStatus(id, DemandStatus.DRAFT, DemandStatus.PUBLISHED, CurrentUser.actorName(), null);
        Demand after = find(id).orElseThrow();
        audit.record("PUBLISH", "skills.demand", Long.toString(id), "demand published", before, after, true);
        return after;
    }

    @Transactional
    public Demand close(long id, String reason) {
        Demand before = manageable(id);
        Validation v = Validation.start().required("reason", FreeText.clean(reason));
        FreeText.check(v, "reason", FreeText.clean(reason), 1000);
        v.throwIfInvalid();
        if (before.status() == DemandStatus.CLOSED
                || !demands.setStatus(id, before.status(), DemandStatus.CLOSED, CurrentUser.actorName(), reason.strip())) {
            throw new ConflictException("status", "skills.demands.alreadyClosed");
        }
        Demand after = find(id).orElseThrow();
        audit.record("CLOSE", "skills.demand", Long.toString(id), reason.strip(), before, after, true);
        return after;
    }

    /** A demand as the current user may read it: published and closed ones for anyone signed in, drafts for their organisation. */
    @Transactional(readOnly = true)
    public Demand read(long id) {
        MarsadPrincipal me = CurrentUser.required();
        Demand demand = find(id).orElseThrow(() -> new NotFoundException("demand", id));
        if (demand.status() == DemandStatus.DRAFT && !canManage(me, demand)) {
            throw new NotFoundException("demand", id);
        }
        return demand;
    }

    @Transactional(readOnly = true)
    public PageResult<Demand> list(DemandStatus status, Long organisationId, PageQuery page) {
        MarsadPrincipal me = CurrentUser.required();
        boolean allDrafts = me.has(Role.ADMIN);
        Long drafts = me.has(Role.INSTITUTION) ? me.organisationId() : null;
        Map<Long, Organisation> orgs = new HashMap<>();
        List<Demand> items = demands.list(status, organisationId, drafts, allDrafts, page.size(), page.offset()).stream()
                .map(s -> toDemand(s, orgs)).toList();
        return new PageResult<>(items, page.page(), page.size(), demands.count(status, organisationId, drafts, allDrafts));
    }

    /** Whether the current user may change this demand and see its matches: its organisation's INSTITUTION users, ADMIN. */
    public boolean canManage(Demand demand) {
        return CurrentUser.get().map(me -> canManage(me, demand)).orElse(false);
    }

    /** A demand without access check, for the module's own use. */
    @Transactional(readOnly = true)
    public Optional<Demand> find(long id) {
        return demands.find(id).map(s -> toDemand(s, new HashMap<>()));
    }

    /** The published demands, for matching an expert against all of them. */
    @Transactional(readOnly = true)
    public List<Demand> published() {
        Map<Long, Organisation> orgs = new HashMap<>();
        return demands.published().stream().map(s -> toDemand(s, orgs)).toList();
    }

    /** Demo mode only: a synthetic demand of an organisation, published or not, without a signed-in user. */
    @Transactional
    public long seedSynthetic(long organisationId, DemandInput input, DemandStatus status, String closeReason) {
        Validation v = Validation.start();
        Parsed parsed = parse(v, input);
        v.throwIfInvalid();
        long id = demands.insert(row(parsed, organisationId, null, true), parsed.skills(), parsed.languages());
        if (status != DemandStatus.DRAFT) {
            demands.setStatus(id, DemandStatus.DRAFT, DemandStatus.PUBLISHED, "demo", null);
        }
        if (status == DemandStatus.CLOSED) {
            demands.setStatus(id, DemandStatus.PUBLISHED, DemandStatus.CLOSED, "demo", closeReason);
        }
        return id;
    }

    private Demand manageable(long id) {
        MarsadPrincipal me = CurrentUser.require(Role.INSTITUTION, Role.ADMIN);
        Demand demand = find(id).orElseThrow(() -> new NotFoundException("demand", id));
        if (!canManage(me, demand)) {
            if (demand.status() == DemandStatus.DRAFT) {
                throw new NotFoundException("demand", id);
            }
            throw new AccessDeniedException("demand of another organisation");
        }
        return demand;
    }

    private static boolean canManage(MarsadPrincipal me, Demand demand) {
        return me.has(Role.ADMIN) || (me.has(Role.INSTITUTION) && me.organisationId() != null
                && me.organisationId() == demand.organisationId());
    }

    private Demand toDemand(DemandRepository.Stored s, Map<Long, Organisation> orgs) {
        DemandRepository.Row r = s.row();
        Organisation org = orgs.computeIfAbsent(r.organisationId(), id -> organisations.find(id).orElse(null));
        List<Demand.DemandSkill> skills = s.skills().stream()
                .map(k -> new Demand.DemandSkill(ref(k.uri()), k.essential())).toList();
        return new Demand(s.id(), r.organisationId(), org == null ? null : org.code(),
                org == null ? LocalizedText.of(null, null, null) : org.name(), r.createdBy(), r.title(), r.description(),
                r.contribution(), r.sector(), r.occupationUri() == null ? null : ref(r.occupationUri()), skills, s.languages(),
                r.minExperience(), r.minEducation(), r.startDate(), r.endDate(), r.durationDays(), r.placeMode(), r.city(),
                r.region(), r.travelCovered(), r.accommodationCovered(), r.honorarium(), r.honorariumCurrency(),
                r.expertsWanted(), s.status(), s.publishedAt(), s.closedAt(), s.closedBy(), s.closeReason(), r.synthetic(),
                s.version(), s.createdAt(), s.updatedAt());
    }

    private ConceptRef ref(String uri) {
        return taxonomy.find(uri).map(ConceptRef::of).orElse(new ConceptRef(uri, null, LocalizedText.of(null, null, uri)));
    }

    private static DemandRepository.Row row(Parsed p, long organisation, Long createdBy, boolean synthetic) {
        return new DemandRepository.Row(organisation, createdBy, p.title(), p.description(), p.contribution(), p.sector(),
                p.occupationUri(), p.minExperience(), p.minEducation(), p.startDate(), p.endDate(), p.durationDays(),
                p.placeMode(), p.city(), p.region(), p.travelCovered(), p.accommodationCovered(), p.honorarium(),
                p.currency(), p.expertsWanted(), synthetic);
    }

    record Parsed(LocalizedText title, LocalizedText description, ContributionKind contribution, Sector sector,
            String occupationUri, List<DemandRepository.SkillRow> skills, List<Demand.LanguageRequirement> languages,
            Integer minExperience, EducationLevel minEducation, LocalDate startDate, LocalDate endDate, Integer durationDays,
            PlaceMode placeMode, String city, String region, boolean travelCovered, boolean accommodationCovered,
            BigDecimal honorarium, String currency, int expertsWanted) {
    }

    Parsed parse(Validation v, DemandInput in) {
        LocalizedText title = in.title() == null ? LocalizedText.of(null, null, null) : in.title();
        LocalizedText description = in.description() == null ? LocalizedText.of(null, null, null) : in.description();
        v.required("title", title).required("description", description);
        for (String lang : List.of("fr", "ar", "en")) {
            FreeText.check(v, "title." + lang, text(title, lang), 200);
            FreeText.check(v, "description." + lang, text(description, lang), 5000);
        }
        ContributionKind contribution = ExpertsApi.enumValue(v, "contribution", in.contribution(), ContributionKind.class);
        if (blank(in.contribution())) {
            v.reject("contribution", "validation.required");
        }
        Sector sector = ExpertsApi.enumValue(v, "sector", in.sector(), Sector.class);
        if (blank(in.sector())) {
            v.reject("sector", "validation.required");
        }
        String occupation = FreeText.clean(in.occupationUri());
        if (occupation != null) {
            Optional<Concept> concept = taxonomy.find(occupation);
            if (concept.isEmpty()) {
                v.reject("occupationUri", "skills.validation.unknownConcept", occupation);
            }
            else if (concept.get().type() != ConceptType.OCCUPATION) {
                v.reject("occupationUri", "skills.validation.notAnOccupation");
            }
        }
        List<DemandRepository.SkillRow> skills = new ArrayList<>();
        List<DemandInput.SkillInput> givenSkills = in.skills() == null ? List.of() : in.skills();
        if (givenSkills.size() > MAX_SKILLS) {
            v.reject("skills", "validation.tooMany", MAX_SKILLS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < givenSkills.size() && i < MAX_SKILLS; i++) {
            DemandInput.SkillInput s = givenSkills.get(i);
            String uri = s == null ? null : FreeText.clean(s.uri());
            if (uri == null) {
                continue;
            }
            Optional<Concept> concept = taxonomy.find(uri);
            if (concept.isEmpty()) {
                v.reject("skills[" + i + "].uri", "skills.validation.unknownConcept", uri);
            }
            else if (!concept.get().type().isSkillPillar()) {
                v.reject("skills[" + i + "].uri", "skills.validation.notASkill");
            }
            else if (!seen.add(concept.get().uri())) {
                v.reject("skills[" + i + "].uri", "validation.duplicate");
            }
            else {
                skills.add(new DemandRepository.SkillRow(concept.get().uri(), s.essential() == null || s.essential()));
            }
        }
        List<Demand.LanguageRequirement> languages = new ArrayList<>();
        List<DemandInput.LanguageInput> givenLanguages = in.languages() == null ? List.of() : in.languages();
        if (givenLanguages.size() > MAX_LANGUAGES) {
            v.reject("languages", "validation.tooMany", MAX_LANGUAGES);
        }
        Set<String> seenLanguages = new HashSet<>();
        for (int i = 0; i < givenLanguages.size() && i < MAX_LANGUAGES; i++) {
            DemandInput.LanguageInput l = givenLanguages.get(i);
            String code = l == null || l.code() == null ? "" : l.code().strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!SpokenLanguage.isValid(code)) {
                v.reject("languages[" + i + "].code", "skills.validation.language", code);
                continue;
            }
            Optional<CefrLevel> level = l.minLevel() == null || l.minLevel().isBlank() ? Optional.of(CefrLevel.B2)
                    : CefrLevel.parse(l.minLevel());
            if (level.isEmpty()) {
                v.reject("languages[" + i + "].minLevel", "skills.validation.cefr", l.minLevel());
            }
            else if (!seenLanguages.add(code)) {
                v.reject("languages[" + i + "].code", "validation.duplicate");
            }
            else {
                languages.add(new Demand.LanguageRequirement(code, level.get(), l.required() == null || l.required()));
            }
        }
        Integer minExperience = in.minExperience();
        if (minExperience != null && (minExperience < 0 || minExperience > 60)) {
            v.reject("minExperience", "validation.between", 0, 60);
        }
        EducationLevel minEducation = ExpertsApi.enumValue(v, "minEducation", in.minEducation(), EducationLevel.class);
        LocalDate start = blank(in.startDate()) ? null : ExpertsApi.date(v, "startDate", in.startDate());
        LocalDate end = blank(in.endDate()) ? null : ExpertsApi.date(v, "endDate", in.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            v.reject("endDate", "skills.validation.endBeforeStart");
        }
        if ((start == null) != (end == null) && !(blank(in.startDate()) && blank(in.endDate()))) {
            v.reject(start == null ? "startDate" : "endDate", "skills.validation.bothDates");
        }
        Integer duration = in.durationDays();
        if (duration != null && (duration < 1 || duration > 1100)) {
            v.reject("durationDays", "validation.between", 1, 1100);
        }
        PlaceMode place = ExpertsApi.enumValue(v, "placeMode", in.placeMode(), PlaceMode.class);
        if (place == null && blank(in.placeMode())) {
            place = PlaceMode.ON_SITE;
        }
        String city = FreeText.clean(in.city());
        FreeText.check(v, "city", city, 100);
        String region = FreeText.clean(in.region());
        if (region != null && !Region.isValid(region)) {
            v.reject("region", "skills.validation.region");
        }
        BigDecimal honorarium = null;
        String currency = FreeText.clean(in.honorariumCurrency());
        String amount = FreeText.clean(in.honorarium());
        if (amount != null) {
            try {
                honorarium = new BigDecimal(amount.replace(',', '.').replace(" ", ""));
                if (honorarium.signum() < 0 || honorarium.scale() > 2 || honorarium.precision() - honorarium.scale() > 12) {
                    v.reject("honorarium", "skills.validation.amount");
                    honorarium = null;
                }
            }
            catch (NumberFormatException e) {
                v.reject("honorarium", "skills.validation.amount");
            }
            if (currency == null) {
                v.reject("honorariumCurrency", "validation.required");
            }
        }
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            try {
                Currency.getInstance(currency);
            }
            catch (IllegalArgumentException e) {
                v.reject("honorariumCurrency", "skills.validation.currency");
            }
            if (amount == null) {
                currency = null;
            }
        }
        int experts = in.expertsWanted() == null ? 1 : in.expertsWanted();
        if (experts < 1 || experts > 50) {
            v.reject("expertsWanted", "validation.between", 1, 50);
        }
        return new Parsed(title, description, contribution, sector, occupation, skills, languages, minExperience,
                minEducation, start, end, duration, place, city, region, Boolean.TRUE.equals(in.travelCovered()),
                Boolean.TRUE.equals(in.accommodationCovered()), honorarium, currency, experts);
    }

    private static String text(LocalizedText t, String lang) {
        return switch (lang) {
            case "fr" -> t.fr();
            case "ar" -> t.ar();
            default -> t.en();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
