package org.marsad.skills;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.marsad.platform.Language;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandInput;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertProfile;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.Registration;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Experts, institutions and demands for the skills tests, made through the real services. Every expert and
 * institution user is new (unique names and addresses), so tests never depend on each other's data.
 */
@Component
public class SkillsFixtures {

    public static final String PASSWORD = TestUsers.PASSWORD;
    public static final LocalDate FROM = LocalDate.now().plusMonths(2).withDayOfMonth(1);
    public static final LocalDate TO = FROM.plusDays(29);

    private final ExpertsApi experts;
    private final DemandsApi demands;
    private final UserAccounts accounts;
    private final TestUsers users;
    private final EscoTaxonomy taxonomy;

    SkillsFixtures(ExpertsApi experts, DemandsApi demands, UserAccounts accounts, TestUsers users, EscoTaxonomy taxonomy) {
        this.experts = experts;
        this.demands = demands;
        this.accounts = accounts;
        this.users = users;
        this.taxonomy = taxonomy;
    }

    /** An expert who registered on their own, with the consents given, and their account. */
    public record Expert(ExpertProfile profile, MarsadPrincipal user, String email) {
    }

    public String skill(String englishLabel) {
        return taxonomy.search(englishLabel, Language.EN, EscoTaxonomy.Kind.SKILL, 5).stream()
                .filter(h -> englishLabel.equals(h.concept().label().en())).findFirst()
                .orElseGet(() -> taxonomy.search(englishLabel, Language.EN, EscoTaxonomy.Kind.SKILL, 1).getFirst())
                .concept().uri();
    }

    public String occupation(String englishLabel) {
        return taxonomy.search(englishLabel, Language.EN, EscoTaxonomy.Kind.OCCUPATION, 5).stream()
                .filter(h -> englishLabel.equals(h.concept().label().en())).findFirst().orElseThrow().concept().uri();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ExpertInput profile(String name, String country, List<String> skillUris, String occupationUri) {
        return new ExpertInput(name, country, "Lyon", List.of("MA"), "DOCTORATE", "biologie", occupationUri, 12,
                List.of("BIOTECHNOLOGY"), List.of("EXPERTISE_MISSION"), null,
                List.of(new ExpertInput.LanguageInput("fr", "C2"), new ExpertInput.LanguageInput("ar", "NATIVE")),
                skillUris.stream().map(u -> new ExpertInput.SkillInput(u, "EXPERT")).toList(), List.of(),
                List.of(new ExpertInput.WindowInput(FROM.minusDays(10).toString(), TO.plusDays(10).toString())),
                List.of(), null);
    }

    public Expert expert(ExpertInput profile, List<String> consents) {
        String username = unique("expert");
        String email = username + "@example.org";
        ExpertProfile created = anonymously(() -> experts.register(new Registration(username, PASSWORD, email, "fr", consents, profile)));
        MarsadPrincipal user = accounts.loadUserByUsername(username).withoutPassword();
        return new Expert(created, user, email);
    }

    public Expert expert(List<String> skillUris, List<String> consents) {
        return expert(profile(unique("Expert"), "FR", skillUris, null), consents);
    }

    /** A user of an institution (role INSTITUTION) with an e-mail address. */
    public MarsadPrincipal institution(String organisationCode, String email) {
        MarsadPrincipal user = users.create(Role.INSTITUTION, organisationCode);
        as(users.admin(), () -> accounts.update(user.id(), new UserAccounts.UserUpdate(user.displayName(), email,
                Set.of(Role.INSTITUTION), user.organisationId(), true)));
        return accounts.loadUserByUsername(user.username()).withoutPassword();
    }

    public DemandInput demandInput(List<String> essential, List<String> optional, List<DemandInput.LanguageInput> languages) {
        List<DemandInput.SkillInput> skills = new ArrayList<>();
        essential.forEach(s -> skills.add(new DemandInput.SkillInput(s, true)));
        optional.forEach(s -> skills.add(new DemandInput.SkillInput(s, false)));
        return new DemandInput(null, LocalizedText.of("Mission d’expertise " + unique("test"), null, "Expertise mission"),
                LocalizedText.of("Appui au master.", null, null), "EXPERTISE_MISSION", "BIOTECHNOLOGY", null, skills, languages,
                null, null, FROM.toString(), TO.toString(), 30, "ON_SITE", "Rabat", "MA-04", true, false, null, null, 1, null);
    }

    public Demand publishedDemand(MarsadPrincipal institution, List<String> essential, List<String> optional) {
        return as(institution, () -> {
            Demand d = demands.create(demandInput(essential, optional, List.of(new DemandInput.LanguageInput("fr", "B2", true))));
            return demands.publish(d.id());
        });
    }

    public <T> T as(MarsadPrincipal user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(MarsadPrincipal user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    public <T> T anonymously(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.clearContext();
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
