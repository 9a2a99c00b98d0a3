package org.marsad.organisations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.marsad.organisations.internal.OrganisationRepository;
import org.marsad.platform.ConflictException;
import org.marsad.platform.InvalidInputException;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.NotFoundException;
import org.marsad.platform.PageQuery;
import org.marsad.platform.PageResult;
import org.marsad.platform.Validation;
import org.marsad.platform.audit.AuditLog;
import org.marsad.platform.security.CurrentUser;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation registry's public API. Anyone reads; ADMIN and COORDINATOR create, edit and withdraw
 * (organisations are never deleted: a withdrawn one keeps its history and its links).
 */
@Service
public class OrganisationsApi {

    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,39}$");
    static final Pattern IATI = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{1,99}$");
    static final Pattern URL = Pattern.compile("^https?://[^\\s<>\"]{3,300}$");
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    static final int MAX_ALIASES = 40;

    private final OrganisationRepository organisations;
    private final AuditLog audit;

    OrganisationsApi(OrganisationRepository organisations, AuditLog audit) {
        this.organisations = organisations;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PageResult<Organisation> search(String query, OrganisationType type, String country, PageQuery page) {
        String q = query == null || query.isBlank() ? null : OrganisationRepository.fold(query);
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("q", "validation.maxLength", 200);
        }
        String c = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (c != null && !COUNTRIES.contains(c)) {
            throw new InvalidInputException("country", "validation.country");
        }
        boolean includeWithdrawn = CurrentUser.has(Role.ADMIN, Role.COORDINATOR);
        return new PageResult<>(organisations.search(q, type, c, includeWithdrawn, page.size(), page.offset()),
                page.page(), page.size(), organisations.count(q, type, c, includeWithdrawn));
    }

    @Transactional(readOnly = true)
    public Organisation get(String code) {
        return organisations.findByCode(code).orElseThrow(() -> new NotFoundException("organisation", code));
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(long id) {
        return organisations.findById(id);
    }

    /** These organisations by id (those that exist), read together. */
    @Transactional(readOnly = true)
    public Map<Long, Organisation> findAll(Collection<Long> ids) {
        Map<Long, Organisation> found = new HashMap<>();
        organisations.findByIds(ids).forEach(o -> found.put(o.id(), o));
        return found;
    }

    /** The organisation with this IATI organisation identifier (e.g. XM-DAC-918 for the EU), if registered. */
    @Transactional(readOnly = true)
    public Optional<Organisation> findByIatiIdentifier(String iatiIdentifier) {
        return iatiIdentifier == null || iatiIdentifier.isBlank() ? Optional.empty()
                : organisations.findByIatiIdentifier(iatiIdentifier.strip());
    }

    /** Organisations whose code or one of whose aliases is exactly this, e.g. "UE" → EU, "OIM" → IOM. */
    @Transactional(readOnly = true)
    public List<Organisation> resolve(String codeOrAlias) {
        return codeOrAlias == null || codeOrAlias.isBlank() ? List.of() : organisations.resolve(codeOrAlias);
    }

    @Transactional(readOnly = true)
    public List<Organisation> children(String code) {
        return organisations.children(get(code).id());
    }

    @Transactional(readOnly = true)
    public Map<OrganisationType, Long> countByType() {
        return organisations.countByType();
    }

    @Transactional
    public Organisation create(OrganisationInput input) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        String code = input.code() == null ? "" : input.code().strip().toUpperCase(Locale.ROOT);
        Validation v = validate(input, code, null);
        v.throwIfInvalid();
        if (organisations.idOf(code).isPresent()) {
            throw new ConflictException("code", "validation.duplicate");
        }
        checkIatiUnique(input.iatiIdentifier(), null);
        long id = organisations.insert(row(code, input, List.of()));
        Organisation created = organisations.findById(id).orElseThrow();
        audit.record("CREATE", "organisation", code, "organisation created", null, created, true);
        return created;
    }

    @Transactional
    public Organisation update(String code, OrganisationInput input) {
        CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        Organisation before = get(code);
        Validation v = validate(input, code, before);
        if (input.version() == null) {
            v.reject("version", "validation.required");
        }
        v.throwIfInvalid();
        checkIatiUnique(input.iatiIdentifier(), before.id());
        if (!organisations.update(before.id(), row(code, input, before.sources()), input.version())) {
            throw new ConflictException("version", "validation.staleVersion");
        }
        Organisation after = organisations.findById(before.id()).orElseThrow();
        audit.record("UPDATE", "organisation", code, "organisation updated", before, after, true);
        return after;
    }

    @Transactional
    public Organisation withdraw(String code, String reason) {
        MarsadPrincipal user = CurrentUser.require(Role.ADMIN, Role.COORDINATOR);
        Organisation before = get(code);
        Validation.start().required("reason", reason).maxLength("reason", reason, 1000).throwIfInvalid();
        if (before.withdrawn()) {
            throw new ConflictException("code", "organisations.alreadyWithdrawn");
        }
        organisations.withdraw(before.id(), user.username(), reason.strip());
        Organisation after = organisations.findById(before.id()).orElseThrow();
        audit.record("WITHDRAW", "organisation", code, reason.strip(), before, after, true);
        return after;
    }

    private Validation validate(OrganisationInput input, String code, Organisation existing) {
        Validation v = Validation.start();
        if (existing == null) {
            v.required("code", code).matches("code", code, CODE, "validation.code");
        }
        v.required("type", input.type());
        LocalizedText name = input.name() == null ? LocalizedText.of(null, null, null) : input.name();
        v.required("name.fr", name.fr()).maxLength("name", name, 300);
        v.maxLength("acronym", input.acronym(), 40).maxLength("description", input.description(), 2000);
        String country = input.country();
        if (country != null && !country.isBlank() && !COUNTRIES.contains(country.strip().toUpperCase(Locale.ROOT))) {
            v.reject("country", "validation.country");
        }
        v.matches("iatiIdentifier", input.iatiIdentifier(), IATI, "validation.iati");
        v.matches("website", input.website(), URL, "validation.url");
        if (input.parentCode() != null && !input.parentCode().isBlank()) {
            String parent = input.parentCode().strip().toUpperCase(Locale.ROOT);
            if (parent.equals(code)) {
                v.reject("parentCode", "organisations.parentSelf");
            }
            else if (organisations.idOf(parent).isEmpty()) {
                v.reject("parentCode", "validation.unknown");
            }
            else if (existing != null && isAncestor(existing.code(), parent)) {
                v.reject("parentCode", "organisations.parentCycle");
            }
        }
        List<Organisation.Alias> aliases = input.aliases() == null ? List.of() : input.aliases();
        if (aliases.size() > MAX_ALIASES) {
            v.reject("aliases", "validation.tooMany", MAX_ALIASES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            Organisation.Alias alias = aliases.get(i);
            String field = "aliases[" + i + "]";
            if (alias == null || alias.value() == null || alias.value().isBlank()) {
                v.reject(field + ".value", "validation.required");
                continue;
            }
            v.maxLength(field + ".value", alias.value(), 200).maxLength(field + ".note", alias.note(), 500);
            if (alias.kind() == null) {
                v.reject(field + ".kind", "validation.required");
            }
            if (alias.lang() != null && !alias.lang().isBlank() && !Set.of("fr", "ar", "en").contains(alias.lang())) {
                v.reject(field + ".lang", "validation.language");
            }
            if (!seen.add(OrganisationRepository.fold(alias.value()) + "|" + alias.kind())) {
                v.reject(field + ".value", "validation.duplicate");
            }
            if (alias.kind() == AliasKind.ANNEX_CODE) {
                boolean taken = organisations.resolve(alias.value()).stream()
                        .anyMatch(o -> !o.code().equals(code) && o.aliases().stream()
                                .anyMatch(a -> a.kind() == AliasKind.ANNEX_CODE && a.value().equalsIgnoreCase(alias.value())));
                if (taken) {
                    v.reject(field + ".value", "organisations.annexCodeTaken");
                }
            }
        }
        return v;
    }

    private boolean isAncestor(String code, String candidateDescendant) {
        // Walking up from the proposed parent must never reach the organisation itself.
        String current = candidateDescendant;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current.equals(code)) {
                return true;
            }
            current = organisations.findByCode(current).map(Organisation::parentCode).orElse(null);
        }
        return false;
    }

    private void checkIatiUnique(String iati, Long ownId) {
        if (iati == null || iati.isBlank()) {
            return;
        }
        boolean taken = organisations.search(null, null, null, true, 10_000, 0).stream()
                .anyMatch(o -> iati.strip().equals(o.iatiIdentifier()) && (ownId == null || o.id() != ownId));
        if (taken) {
            throw new ConflictException("iatiIdentifier", "validation.duplicate");
        }
    }

    private OrganisationRepository.Row row(String code, OrganisationInput input, List<org.marsad.platform.SourceCitation> sources) {
        Long parentId = input.parentCode() == null || input.parentCode().isBlank() ? null
                : organisations.idOf(input.parentCode().strip().toUpperCase(Locale.ROOT)).orElse(null);
        List<Organisation.Alias> aliases = new ArrayList<>();
        if (input.aliases() != null) {
            input.aliases().forEach(a -> aliases.add(new Organisation.Alias(a.value().strip(),
                    a.lang() == null || a.lang().isBlank() ? null : a.lang(), a.kind(),
                    a.note() == null || a.note().isBlank() ? null : a.note().strip())));
        }
        return new OrganisationRepository.Row(code, input.type(),
                input.country() == null || input.country().isBlank() ? null : input.country().strip().toUpperCase(Locale.ROOT),
                parentId, input.name(), input.acronym(), input.description(),
                input.iatiIdentifier() == null || input.iatiIdentifier().isBlank() ? null : input.iatiIdentifier().strip(),
                input.website() == null || input.website().isBlank() ? null : input.website().strip(),
                aliases, sources, true);
    }
}
