package org.marsad.skills.experts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.Language;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.UserAccount;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ConceptRef;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.FreeText;
import org.marsad.skills.Sector;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.SpokenLanguage;
import org.marsad.skills.VisibleField;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.ConceptType;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expert profiles: self-service registration with consent by purpose, the profile (skills from ESCO and in the
 * expert's own words, languages, availability), visibility choices, "download my data" and erasure. An expert sees
 * and changes only their own profile; an institution sees what the expert chose to show; ADMIN sees everything.
 */
@Service
public class ExpertsApi {

    static final int MAX_SKILLS = 60;
    static final int MAX_FREE_SKILLS = 30;
    static final int MAX_LANGUAGES = 15;
    static final int MAX_WINDOWS = 20;
    static final int MAX_NATIONALITIES = 5;
    static final int MAX_SUGGESTIONS = 3;
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ExpertRepository experts;
    private final EscoTaxonomy taxonomy;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final ExpertChangeLog changes;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ExportContributor> contributors;

    ExpertsApi(ExpertRepository experts, EscoTaxonomy taxonomy, UserAccounts accounts, AuditLog audit,
            ExpertChangeLog changes, ApplicationEventPublisher events, ObjectProvider<ExportContributor> contributors) {
        this.experts = experts;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.audit = audit;
        this.changes = changes;
        this.events = events;
        this.contributors = contributors;
    }

    /**
     * Creates an expert account and profile (anonymous sign-up), or the profile of the signed-in EXPERT who has none
     * yet (then the account fields are ignored).
     */
    @Transactional
    public ExpertProfile register(Registration registration) {
        Optional<MarsadPrincipal> me = CurrentUser.get();
        if (me.isPresent() && (!me.get().has(Role.EXPERT) || experts.idOfUser(me.get().id()).isPresent())) {
            throw new ConflictException("username", "skills.experts.alreadyRegistered");
        }
        ExpertInput input = registration.profile() == null ? ExpertInput.minimal(null, null) : registration.profile();
        Validation v = Validation.start();
        Set<ConsentPurpose> consents = parseConsents(v, registration.consents());
        if (!consents.contains(ConsentPurpose.PROFILE)) {
            v.reject("consents", "skills.validation.profileConsentRequired");
        }
        Parsed parsed = parse(v, input);
        Long userId;
        if (me.isPresent()) {
            v.throwIfInvalid();
            userId = me.get().id();
        }
        else {
            v.required("email", registration.email());
            String language = Language.fromCode(registration.language())
                    .orElse(Language.of(LocaleContextHolder.getLocale())).code();
            try {
                userId = accounts.registerExpert(new UserAccounts.NewUser(registration.username(), parsed.row().displayName(),
                        registration.email(), registration.password(), Set.of(Role.EXPERT), null, language)).id();
            }
            catch (InvalidInputException e) {
                e.errors().forEach(error -> v.reject(error.field(), error.messageKey(), error.args()));
                v.throwIfInvalid();
                throw e;
            }
            v.throwIfInvalid();
        }
        ExpertRepository.Row row = withUser(parsed.row(), userId);
        long id = experts.insert(row);
        writeDetails(id, parsed, List.of());
        consents.forEach(purpose -> experts.grant(id, purpose));
        changes.record(id);
        ExpertProfile created = load(id);
        audit.record("CREATE", "skills.expert", Long.toString(id), "expert registered with consents " + consents, null, created, false);
        return created;
    }

    /** The signed-in user's own profile, if they have one. */
    @Transactional(readOnly = true)
    public Optional<ExpertProfile> mine() {
        return CurrentUser.get().flatMap(me -> experts.idOfUser(me.id())).map(this::load);
    }

    @Transactional(readOnly = true)
    public Optional<Long> myId() {
        return CurrentUser.get().flatMap(me -> experts.idOfUser(me.id()));
    }

    /** One profile as the current user may see it: all of it (owner, ADMIN) or the consented part (institutions). */
    @Transactional(readOnly = true)
    public ExpertProfile get(long id) {
        MarsadPrincipal me = CurrentUser.required();
        ExpertProfile profile = experts.find(id).map(s -> load(id)).orElseThrow(() -> new NotFoundException("expert", id));
        if (me.has(Role.ADMIN) || isOwner(me, profile)) {
            return profile;
        }
        if (me.has(Role.INSTITUTION) && me.organisationId() != null) {
            boolean related = experts.hasMissionWith(id, me.organisationId());
            if (profile.consented(ConsentPurpose.MATCHING) || related) {
                return profile.asSeenByInstitution(experts.acceptedMissionWith(id, me.organisationId()));
            }
        }
        throw new NotFoundException("expert", id);
    }

    @Transactional
    public ExpertProfile update(long id, ExpertInput input) {
        ExpertProfile before = owned(id);
        Validation v = Validation.start();
        Parsed parsed = parse(v, input);
        if (input.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        ExpertRepository.Row row = withUser(parsed.row(), before.userId());
        row = new ExpertRepository.Row(row.userId(), row.displayName(), row.country(), row.city(), row.nationalities(),
                row.educationLevel(), row.educationField(), row.occupationUri(), row.yearsExperience(), row.sectors(),
                row.contributions(), row.summary(), row.visibleFields(), before.synthetic());
        if (!experts.update(id, row, input.version())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        writeDetails(id, parsed, experts.freeSkills(id));
        changes.record(id);
        ExpertProfile after = load(id);
        audit.record("UPDATE", "skills.expert", Long.toString(id), "expert profile updated", before, after, false);
        return after;
    }

    /** Gives the listed consents and withdraws the others (PROFILE cannot be withdrawn: delete the account instead). */
    @Transactional
    public ExpertProfile setConsents(long id, Collection<String> purposes) {
        ExpertProfile before = owned(id);
        Validation v = Validation.start();
        Set<ConsentPurpose> wanted = parseConsents(v, purposes);
        wanted.add(ConsentPurpose.PROFILE);
        v.throwIfInvalid();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (wanted.contains(purpose) && !before.consented(purpose)) {
                experts.grant(id, purpose);
            }
            else if (!wanted.contains(purpose) && before.consented(purpose)) {
                experts.withdraw(id, purpose);
            }
        }
        experts.touch(id);
        changes.record(id);
        ExpertProfile after = load(id);
        audit.record("CONSENT", "skills.expert", Long.toString(id), "consents now " + after.consents(),
                Map.of("consents", before.consents()), Map.of("consents", after.consents()), false);
        return after;
    }

    /** Which fields institutions may see beyond the matching criteria. */
    @Transactional
    public ExpertProfile setVisibility(long id, Collection<String> fields) {
        ExpertProfile before = owned(id);
        Validation v = Validation.start();
        Set<VisibleField> visible = EnumSet.noneOf(VisibleField.class);
        visible.addAll(enumList(v, "visibleFields", fields == null ? List.of() : List.copyOf(fields), VisibleField.class));
        v.throwIfInvalid();
        experts.setVisibility(id, visible);
        ExpertProfile after = load(id);
        audit.record("VISIBILITY", "skills.expert", Long.toString(id), "visible to institutions: " + visible,
                Map.of("visibleFields", before.visibleFields()), Map.of("visibleFields", after.visibleFields()), false);
        return after;
    }

    /** The expert confirms or rejects a suggested ESCO concept for a skill written in their own words. */
    @Transactional
    public ExpertProfile decideMapping(long id, long freeSkillId, String uri, boolean confirm) {
        ExpertProfile before = owned(id);
        ExpertProfile.MappingStatus status = confirm ? ExpertProfile.MappingStatus.CONFIRMED : ExpertProfile.MappingStatus.REJECTED;
        if (!experts.decideMapping(id, freeSkillId, uri, status)) {
            throw new NotFoundException("suggestion", freeSkillId + " " + uri);
        }
        experts.touch(id);
        changes.record(id);
        ExpertProfile after = load(id);
        audit.record("UPDATE", "skills.expert", Long.toString(id), "suggestion " + status.name().toLowerCase(Locale.ROOT) + " " + uri,
                before, after, false);
        return after;
    }

    /** Everything Marsad holds about the expert, for "download my data". */
    @Transactional
    public Map<String, Object> export(long id) {
        ExpertProfile profile = owned(id);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", OffsetDateTime.now());
        export.put("profile", profile);
        export.put("consentHistory", experts.consentHistory(id));
        contributors.orderedStream().forEach(c -> export.put(c.section(), c.export(id, profile.userId())));
        audit.record("EXPORT", "skills.expert", Long.toString(id), "personal data exported by its owner", null, null, false);
        return export;
    }

    /**
     * Erases the expert: profile, skills, languages, availability, consents, memberships and notifications are
     * deleted, missions keep their trail without the expert, the account is anonymised and disabled, and the audit
     * log keeps an entry saying that the erasure happened, without the data.
     */
    @Transactional
    public void erase(long id) {
        MarsadPrincipal me = CurrentUser.required();
        ExpertRepository.Stored stored = experts.find(id).orElseThrow(() -> new NotFoundException("expert", id));
        boolean owner = stored.row().userId() != null && stored.row().userId() == me.id();
        if (!owner && !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("only the expert or ADMIN erases a profile");
        }
        events.publishEvent(new ExpertErasing(id, stored.row().userId()));
        experts.delete(id);
        changes.record(id);
        audit.redact("skills.expert", Long.toString(id));
        // Recorded before the account is erased, so that the erasure of the account turns its actor into a pseudonym too.
        audit.record("ERASE", "skills.expert", Long.toString(id),
                owner ? "expert profile erased at the request of the expert" : "expert profile erased by an administrator",
                null, null, false);
        if (stored.row().userId() != null) {
            accounts.erase(stored.row().userId());
        }
    }

    /**
     * Demo mode only: stores generated experts in bulk (no account, marked synthetic) and returns their ids in order.
     * Nobody needs to be signed in: it runs at start-up.
     */
    @Transactional
    public List<Long> seedSynthetic(List<SyntheticExpert> generated) {
        List<Long> ids = new ArrayList<>(generated.size());
        for (SyntheticExpert g : generated) {
            long id = experts.insert(new ExpertRepository.Row(null, g.displayName(), g.country(), g.city(), g.nationalities(),
                    g.educationLevel(), g.educationField(), g.occupationUri(), g.yearsExperience(), g.sectors(),
                    g.contributions(), null, g.visibleFields(), true));
            ids.add(id);
        }
        experts.insertDetails(ids, generated);
        changes.recordAll(ids);
        audit.record("SEED", "skills.expert", "synthetic", ids.size() + " synthetic experts generated (demo mode)", null, null, false);
        return ids;
    }

    /** How to reach an expert, for notifications (no access check: server-side use only). */
    @Transactional(readOnly = true)
    public Optional<ExpertContact> contact(long expertId) {
        return experts.find(expertId).map(stored -> {
            Set<ConsentPurpose> consents = experts.activeConsents(expertId);
            Optional<UserAccount.UserView> user = stored.row().userId() == null ? Optional.empty()
                    : accounts.find(stored.row().userId());
            return new ExpertContact(expertId, stored.row().userId(), user.map(UserAccount.UserView::email).orElse(null),
                    user.map(UserAccount.UserView::language).orElse("fr"), consents.contains(ConsentPurpose.CONTACT),
                    consents.contains(ConsentPurpose.NETWORKS));
        });
    }

    /** A profile without access check, for the module's own use (snapshots, statistics). */
    @Transactional(readOnly = true)
    public Optional<ExpertProfile> find(long id) {
        return experts.find(id).map(s -> load(id));
    }

    @Transactional(readOnly = true)
    public List<MatchingProfile> matchingProfiles(Collection<Long> ids) {
        return experts.matching(ids);
    }

    @Transactional(readOnly = true)
    public List<Long> allIds() {
        return experts.allIds();
    }

    @Transactional(readOnly = true)
    public long count() {
        return experts.count();
    }

    @Transactional(readOnly = true)
    public long countSynthetic() {
        return experts.countSynthetic();
    }

    private ExpertProfile owned(long id) {
        MarsadPrincipal me = CurrentUser.required();
        ExpertProfile profile = experts.find(id).map(s -> load(id)).orElseThrow(() -> new NotFoundException("expert", id));
        if (!isOwner(me, profile)) {
            if (me.has(Role.ADMIN)) {
                throw new AccessDeniedException("only the expert changes their profile");
            }
            throw new NotFoundException("expert", id);
        }
        return profile;
    }

    private static boolean isOwner(MarsadPrincipal me, ExpertProfile profile) {
        return profile.userId() != null && profile.userId() == me.id();
    }

    private ExpertProfile load(long id) {
        ExpertRepository.Stored stored = experts.find(id).orElseThrow(() -> new NotFoundException("expert", id));
        ExpertRepository.Row row = stored.row();
        String email = row.userId() == null ? null : accounts.find(row.userId()).map(UserAccount.UserView::email).orElse(null);
        List<ExpertProfile.ExpertSkill> skills = new ArrayList<>();
        experts.skills(id).forEach((uri, level) -> skills.add(new ExpertProfile.ExpertSkill(ref(uri), level, false)));
        Set<String> listed = new HashSet<>(experts.skills(id).keySet());
        List<ExpertProfile.FreeSkill> free = new ArrayList<>();
        for (ExpertRepository.StoredFreeSkill f : experts.freeSkills(id)) {
            List<ExpertProfile.Mapping> mappings = new ArrayList<>();
            for (ExpertRepository.StoredMapping m : f.mappings()) {
                mappings.add(new ExpertProfile.Mapping(ref(m.uri()), m.status()));
                if (m.status() == ExpertProfile.MappingStatus.CONFIRMED && listed.add(m.uri())) {
                    skills.add(new ExpertProfile.ExpertSkill(ref(m.uri()), null, true));
                }
            }
            free.add(new ExpertProfile.FreeSkill(f.id(), f.text(), mappings));
        }
        return new ExpertProfile(id, row.userId(), row.displayName(), email, row.country(), row.city(), row.nationalities(),
                row.educationLevel(), row.educationField(), row.occupationUri() == null ? null : ref(row.occupationUri()),
                row.yearsExperience(), row.sectors(), row.contributions(), row.summary(), experts.languages(id),
                List.copyOf(skills), List.copyOf(free), experts.availability(id), experts.activeConsents(id),
                row.visibleFields(), experts.networks(id), row.synthetic(), stored.version(), stored.createdAt(),
                stored.updatedAt(), false);
    }

    private ConceptRef ref(String uri) {
        return taxonomy.find(uri).map(ConceptRef::of)
                .orElse(new ConceptRef(uri, null, org.marsad.platform.LocalizedText.of(null, null, uri)));
    }

    private void writeDetails(long id, Parsed parsed, List<ExpertRepository.StoredFreeSkill> existing) {
        experts.replaceLanguages(id, parsed.languages());
        experts.replaceSkills(id, parsed.skills());
        experts.replaceAvailability(id, parsed.availability());
        // Free-text skills keep their suggestions and the expert's decisions as long as the text stays the same.
        Set<String> kept = new HashSet<>();
        for (ExpertRepository.StoredFreeSkill f : existing) {
            if (parsed.freeSkills().contains(f.text()) && kept.add(f.text())) {
                continue;
            }
            experts.deleteFreeSkill(f.id());
        }
        Language language = Language.of(LocaleContextHolder.getLocale());
        for (String text : parsed.freeSkills()) {
            if (kept.contains(text)) {
                continue;
            }
            List<String> suggestions = taxonomy.suggest(text, language, EscoTaxonomy.Kind.SKILL, MAX_SUGGESTIONS).stream()
                    .map(h -> h.concept().uri()).toList();
            experts.insertFreeSkill(id, text, suggestions);
        }
    }

    private static ExpertRepository.Row withUser(ExpertRepository.Row row, Long userId) {
        return new ExpertRepository.Row(userId, row.displayName(), row.country(), row.city(), row.nationalities(),
                row.educationLevel(), row.educationField(), row.occupationUri(), row.yearsExperience(), row.sectors(),
                row.contributions(), row.summary(), row.visibleFields(), row.synthetic());
    }

    /** A validated input, ready to store. */
    record Parsed(ExpertRepository.Row row, List<ExpertProfile.LanguageSkill> languages, Map<String, SkillLevel> skills,
            List<String> freeSkills, List<ExpertProfile.Window> availability) {
    }

    Parsed parse(Validation v, ExpertInput in) {
        String name = FreeText.clean(in.displayName());
        v.required("displayName", name);
        FreeText.check(v, "displayName", name, 120);
        String country = in.country() == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        v.required("country", country);
        if (country != null && !country.isEmpty() && !COUNTRIES.contains(country)) {
            v.reject("country", "validation.country");
        }
        String city = FreeText.clean(in.city());
        FreeText.check(v, "city", city, 100);
        List<String> nationalities = new ArrayList<>();
        List<String> givenNationalities = in.nationalities() == null ? List.of() : in.nationalities();
        if (givenNationalities.size() > MAX_NATIONALITIES) {
            v.reject("nationalities", "validation.tooMany", MAX_NATIONALITIES);
        }
        for (int i = 0; i < givenNationalities.size(); i++) {
            String n = givenNationalities.get(i) == null ? "" : givenNationalities.get(i).strip().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            if (!COUNTRIES.contains(n)) {
                v.reject("nationalities[" + i + "]", "validation.country");
            }
            else if (!nationalities.contains(n)) {
                nationalities.add(n);
            }
        }
        EducationLevel education = enumValue(v, "educationLevel", in.educationLevel(), EducationLevel.class);
        String field = FreeText.clean(in.educationField());
        FreeText.check(v, "educationField", field, 200);
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
        Integer years = in.yearsExperience();
        if (years != null && (years < 0 || years > 70)) {
            v.reject("yearsExperience", "validation.between", 0, 70);
        }
        List<Sector> sectors = enumList(v, "sectors", in.sectors(), Sector.class);
        List<ContributionKind> contributions = enumList(v, "contributions", in.contributions(), ContributionKind.class);
        String summary = FreeText.clean(in.summary());
        FreeText.check(v, "summary", summary, 2000);
        Set<VisibleField> visible = EnumSet.noneOf(VisibleField.class);
        visible.addAll(enumList(v, "visibleFields", in.visibleFields(), VisibleField.class));

        List<ExpertProfile.LanguageSkill> languages = new ArrayList<>();
        List<ExpertInput.LanguageInput> givenLanguages = in.languages() == null ? List.of() : in.languages();
        if (givenLanguages.size() > MAX_LANGUAGES) {
            v.reject("languages", "validation.tooMany", MAX_LANGUAGES);
        }
        Set<String> seenLanguages = new HashSet<>();
        for (int i = 0; i < givenLanguages.size(); i++) {
            ExpertInput.LanguageInput l = givenLanguages.get(i);
            String f = "languages[" + i + "]";
            String code = l == null || l.code() == null ? "" : l.code().strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!SpokenLanguage.isValid(code)) {
                v.reject(f + ".code", "skills.validation.language", code);
                continue;
            }
            Optional<CefrLevel> level = CefrLevel.parse(l.level());
            if (level.isEmpty()) {
                v.reject(f + ".level", "skills.validation.cefr", l.level() == null ? "" : l.level());
                continue;
            }
            if (!seenLanguages.add(code)) {
                v.reject(f + ".code", "validation.duplicate");
                continue;
            }
            languages.add(new ExpertProfile.LanguageSkill(code, level.get()));
        }

        Map<String, SkillLevel> skills = new LinkedHashMap<>();
        List<ExpertInput.SkillInput> givenSkills = in.skills() == null ? List.of() : in.skills();
        if (givenSkills.size() > MAX_SKILLS) {
            v.reject("skills", "validation.tooMany", MAX_SKILLS);
        }
        for (int i = 0; i < givenSkills.size() && i < MAX_SKILLS; i++) {
            ExpertInput.SkillInput s = givenSkills.get(i);
            String f = "skills[" + i + "]";
            String uri = s == null ? null : FreeText.clean(s.uri());
            if (uri == null) {
                continue;
            }
            Optional<Concept> concept = taxonomy.find(uri);
            if (concept.isEmpty()) {
                v.reject(f + ".uri", "skills.validation.unknownConcept", uri);
                continue;
            }
            if (!concept.get().type().isSkillPillar()) {
                v.reject(f + ".uri", "skills.validation.notASkill");
                continue;
            }
            SkillLevel level = s.level() == null || s.level().isBlank() ? SkillLevel.INTERMEDIATE
                    : enumValue(v, f + ".level", s.level(), SkillLevel.class);
            if (level != null) {
                skills.put(concept.get().uri(), level);
            }
        }

        List<String> free = new ArrayList<>();
        List<String> givenFree = in.freeSkills() == null ? List.of() : in.freeSkills();
        if (givenFree.size() > MAX_FREE_SKILLS) {
            v.reject("freeSkills", "validation.tooMany", MAX_FREE_SKILLS);
        }
        for (int i = 0; i < givenFree.size() && i < MAX_FREE_SKILLS; i++) {
            String text = FreeText.clean(givenFree.get(i));
            if (text == null) {
                continue;
            }
            FreeText.check(v, "freeSkills[" + i + "]", text, 100);
            if (!free.contains(text)) {
                free.add(text);
            }
        }

        List<ExpertProfile.Window> windows = windows(v, in.availability());
        ExpertRepository.Row row = new ExpertRepository.Row(null, name, country, city, List.copyOf(nationalities), education,
                field, occupation == null ? null : occupation, years, sectors, contributions, summary, visible, false);
        return new Parsed(row, languages, skills, free, windows);
    }

    static List<ExpertProfile.Window> windows(Validation v, List<ExpertInput.WindowInput> given) {
        List<ExpertInput.WindowInput> list = given == null ? List.of() : given;
        if (list.size() > MAX_WINDOWS) {
            v.reject("availability", "validation.tooMany", MAX_WINDOWS);
        }
        List<ExpertProfile.Window> windows = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < list.size() && i < MAX_WINDOWS; i++) {
            ExpertInput.WindowInput w = list.get(i);
            String f = "availability[" + i + "]";
            if (w == null || (blank(w.from()) && blank(w.to()))) {
                continue;
            }
            LocalDate from = date(v, f + ".from", w.from());
            LocalDate to = date(v, f + ".to", w.to());
            if (from == null || to == null) {
                continue;
            }
            if (to.isBefore(from)) {
                v.reject(f + ".to", "skills.validation.endBeforeStart");
            }
            else if (to.isBefore(today)) {
                v.reject(f + ".to", "skills.validation.inThePast");
            }
            else if (from.plusYears(3).isBefore(to)) {
                v.reject(f + ".to", "skills.validation.windowTooLong", 3);
            }
            else {
                windows.add(new ExpertProfile.Window(from, to));
            }
        }
        return windows;
    }

    /** A strict ISO date: "2025-02-30" is refused, not rolled over to March. */
    public static LocalDate date(Validation v, String field, String value) {
        if (blank(value)) {
            v.reject(field, "validation.required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1900 || date.getYear() > 2200) {
                v.reject(field, "skills.validation.date");
                return null;
            }
            return date;
        }
        catch (DateTimeParseException e) {
            v.reject(field, "skills.validation.date");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Set<ConsentPurpose> parseConsents(Validation v, Collection<String> given) {
        Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
        if (given == null) {
            return purposes;
        }
        for (String p : given) {
            ConsentPurpose purpose = enumValue(v, "consents", p, ConsentPurpose.class);
            if (purpose != null) {
                purposes.add(purpose);
            }
        }
        return purposes;
    }

    public static <E extends Enum<E>> E enumValue(Validation v, String field, String value, Class<E> type) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            v.reject(field, "skills.validation.unknownValue", value.strip());
            return null;
        }
    }

    public static <E extends Enum<E>> List<E> enumList(Validation v, String field, List<String> values, Class<E> type) {
        Set<E> out = new LinkedHashSet<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                E e = enumValue(v, field + "[" + i + "]", values.get(i), type);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return List.copyOf(out);
    }
}
