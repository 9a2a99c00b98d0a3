package org.marsad.skills.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.marsad.organisations.Organisation;
import org.marsad.organisations.OrganisationsApi;
import org.marsad.platform.Language;
import org.marsad.platform.MarsadProperties;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.UserAccounts;
import org.marsad.platform.seed.SeedLoader;
import org.marsad.skills.ConsentPurpose;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.demands.DemandStatus;
import org.marsad.skills.demands.DemandsApi;
import org.marsad.skills.experts.ExpertInput;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.experts.Registration;
import org.marsad.skills.experts.SyntheticExpert;
import org.marsad.skills.matching.MatchingApi;
import org.marsad.skills.missions.Mission;
import org.marsad.skills.missions.MissionAction;
import org.marsad.skills.missions.MissionState;
import org.marsad.skills.missions.MissionsApi;
import org.marsad.skills.taxonomy.EscoTaxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode ({@code MARSAD_DEMO=true}): about 2,000 synthetic experts, 100 demands of Moroccan institutions and the
 * missions between them at every stage, all marked synthetic; plus a profile for the demo user {@code expert}. Loaded
 * once (nothing happens if synthetic experts exist), in one transaction.
 */
@Component
class SkillsDemoData implements SeedLoader {

    static final int EXPERTS = 2000;
    static final int DEMANDS = 100;
    private static final Logger log = LoggerFactory.getLogger(SkillsDemoData.class);

    private final MarsadProperties properties;
    private final EscoTaxonomy taxonomy;
    private final ExpertsApi experts;
    private final DemandsApi demands;
    private final MatchingApi matching;
    private final MissionsApi missions;
    private final OrganisationsApi organisations;
    private final UserAccounts accounts;
    private final TransactionTemplate transactions;

    SkillsDemoData(MarsadProperties properties, EscoTaxonomy taxonomy, ExpertsApi experts, DemandsApi demands,
            MatchingApi matching, MissionsApi missions, OrganisationsApi organisations, UserAccounts accounts,
            TransactionTemplate transactions) {
        this.properties = properties;
        this.taxonomy = taxonomy;
        this.experts = experts;
        this.demands = demands;
        this.matching = matching;
        this.missions = missions;
        this.organisations = organisations;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public int order() {
        return 1100;
    }

    @Override
    public void load() {
        if (!properties.demo() || experts.countSynthetic() > 0) {
            return;
        }
        long start = System.nanoTime();
        LocalDate reference = LocalDate.now().withDayOfMonth(1).plusMonths(1);
        SyntheticPopulation population = new SyntheticPopulation(taxonomy, reference);
        transactions.executeWithoutResult(status -> {
            List<SyntheticExpert> generated = population.experts(EXPERTS);
            List<Long> ids = experts.seedSynthetic(generated);
            List<MatchingProfile> profiles = new ArrayList<>();
            Map<Long, SyntheticExpert> byId = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                profiles.add(generated.get(i).matchingProfile(ids.get(i)));
                byId.put(ids.get(i), generated.get(i));
            }
            List<Demand> published = new ArrayList<>();
            for (SyntheticPopulation.SyntheticDemand d : population.demands(DEMANDS)) {
                Optional<Organisation> org = organisations.resolve(d.organisationCode()).stream().findFirst();
                if (org.isEmpty()) {
                    continue;
                }
                long id = demands.seedSynthetic(org.get().id(), d.input(), d.status(), d.closeReason());
                if (d.status() != DemandStatus.DRAFT) {
                    published.add(demands.find(id).orElseThrow());
                }
            }
            seedMissions(published, profiles, byId);
        });
        demoExpertProfile();
        log.info("Demo mode: {} synthetic experts, {} demands and their missions generated in {} ms", EXPERTS, DEMANDS,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Missions at every stage, so that the trail and the outcome figures have something to show. */
    private void seedMissions(List<Demand> published, List<MatchingProfile> profiles, Map<Long, SyntheticExpert> byId) {
        Random r = new Random(SyntheticPopulation.SEED + 2);
        Map<Long, List<MatchingApi.Ranked>> ranked = matching.rank(published, profiles, 3);
        for (Demand demand : published) {
            List<MatchingApi.Ranked> top = ranked.getOrDefault(demand.id(), List.of());
            for (int i = 0; i < top.size(); i++) {
                matching.markShown(demand.id(), top.get(i).expertId(), i + 1);
            }
            int proposed = Math.min(top.size(), 1 + r.nextInt(2));
            for (int i = 0; i < proposed; i++) {
                MatchingApi.Ranked candidate = top.get(i);
                SyntheticExpert expert = byId.get(candidate.expertId());
                List<MissionsApi.SyntheticStep> steps = new ArrayList<>();
                List<Mission.Evaluation> evaluations = new ArrayList<>();
                progress(r, expert.consents().contains(ConsentPurpose.CONTACT), steps, evaluations);
                missions.seedSynthetic(demand.id(), candidate.expertId(), candidate.explanation(), expert.country(), steps,
                        evaluations, demand.startDate(), demand.endDate());
            }
        }
    }

    private static void progress(Random r, boolean contactable, List<MissionsApi.SyntheticStep> steps,
            List<Mission.Evaluation> evaluations) {
        if (!contactable || r.nextInt(100) >= 80) {
            return;
        }
        steps.add(new MissionsApi.SyntheticStep(MissionAction.CONTACT, MissionState.CONTACTED, "Message synthétique (démonstration)."));
        int answer = r.nextInt(100);
        if (answer >= 90) {
            return;
        }
        if (answer >= 70) {
            steps.add(new MissionsApi.SyntheticStep(MissionAction.DECLINE, MissionState.DECLINED, "Indisponible (démonstration)."));
            return;
        }
        steps.add(new MissionsApi.SyntheticStep(MissionAction.ACCEPT, MissionState.ACCEPTED, null));
        if (r.nextInt(100) >= 85) {
            return;
        }
        steps.add(new MissionsApi.SyntheticStep(MissionAction.SCHEDULE, MissionState.SCHEDULED, null));
        if (r.nextInt(100) >= 80) {
            return;
        }
        steps.add(new MissionsApi.SyntheticStep(MissionAction.START, MissionState.IN_PROGRESS, null));
        if (r.nextInt(100) >= 85) {
            return;
        }
        steps.add(new MissionsApi.SyntheticStep(MissionAction.COMPLETE, MissionState.COMPLETED, null));
        int evaluated = r.nextInt(100);
        if (evaluated < 15) {
            return;
        }
        evaluations.add(new Mission.Evaluation("INSTITUTION", 3 + r.nextInt(3), 3 + r.nextInt(3), 3 + r.nextInt(3),
                r.nextInt(10) > 0, null, null));
        steps.add(new MissionsApi.SyntheticStep(MissionAction.EVALUATE, MissionState.COMPLETED, null));
        if (evaluated < 30) {
            return;
        }
        evaluations.add(new Mission.Evaluation("EXPERT", 3 + r.nextInt(3), 3 + r.nextInt(3), 3 + r.nextInt(3),
                r.nextInt(10) > 0, null, null));
        steps.add(new MissionsApi.SyntheticStep(MissionAction.EVALUATE, MissionState.EVALUATED, null));
        if (r.nextInt(100) < 60) {
            steps.add(new MissionsApi.SyntheticStep(MissionAction.CLOSE, MissionState.CLOSED, null));
        }
    }

    /** The demo user "expert" gets a profile, created as that user would, through the registration of a signed-in expert. */
    private void demoExpertProfile() {
        if (!accounts.exists("expert")) {
            return;
        }
        MarsadPrincipal user = accounts.loadUserByUsername("expert").withoutPassword();
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            SecurityContextHolder.setContext(context);
            if (experts.myId().isPresent()) {
                return;
            }
            String biotechnology = taxonomy.search("biotechnology", Language.EN, EscoTaxonomy.Kind.SKILL, 1)
                    .getFirst().concept().uri();
            ExpertInput profile = new ExpertInput(user.displayName(), "FR", "Lyon", List.of("MA", "FR"), "DOCTORATE",
                    "biotechnologies", null, 12, List.of("BIOTECHNOLOGY"), List.of("EXPERTISE_MISSION", "TEACHING"),
                    "Profil de démonstration.", List.of(new ExpertInput.LanguageInput("ar", "NATIVE"),
                            new ExpertInput.LanguageInput("fr", "C2"), new ExpertInput.LanguageInput("en", "C1")),
                    List.of(new ExpertInput.SkillInput(biotechnology, "EXPERT")), List.of("culture cellulaire"),
                    List.of(new ExpertInput.WindowInput(LocalDate.now().plusMonths(1).toString(),
                            LocalDate.now().plusMonths(6).toString())), List.of("NAME", "CITY"), null);
            experts.register(new Registration(null, null, null, null, List.of("PROFILE", "MATCHING", "CONTACT", "NETWORKS"), profile));
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
