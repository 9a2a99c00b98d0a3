package org.marsad.skills.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marsad.skills.demo.SyntheticPopulation;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.EscoTaxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against a full scan on the demo generator's population and demands: occupations, neighbouring ISCO groups,
 * skills covered through occupations, required languages, availability periods and consent all in play.
 */
class ExpertIndexTest {

    static final EscoTaxonomy ESCO = SharedTaxonomy.get();
    static final LocalDate REFERENCE = LocalDate.of(2027, 1, 1);
    static final int EXPERTS = 20_000;

    static SyntheticPopulation population;
    static List<MatchingProfile> profiles;
    static List<MatchRequest> requests;

    @BeforeAll
    static void generate() {
        population = new SyntheticPopulation(ESCO, REFERENCE);
        profiles = new ArrayList<>(EXPERTS);
        long[] next = {1};
        population.forEachExpert(EXPERTS, e -> profiles.add(e.matchingProfile(next[0]++)));
        requests = new ArrayList<>();
        List<SyntheticPopulation.SyntheticDemand> demands = population.demands(60);
        for (int i = 0; i < demands.size(); i++) {
            MatchRequest r = DemandRequests.of(i + 1, demands.get(i).input());
            requests.add(r);
            // Variants: no period (no availability filter), no language, occupation only, skills only.
            requests.add(new MatchRequest(r.demandId(), r.essentialSkills(), r.optionalSkills(), r.occupationUri(),
                    r.languages(), r.minExperience(), r.minEducation(), null, null, r.contribution()));
            requests.add(new MatchRequest(r.demandId(), r.essentialSkills(), r.optionalSkills(), r.occupationUri(),
                    List.of(), null, null, r.start(), r.end(), null));
            if (r.occupationUri() != null) {
                requests.add(new MatchRequest(r.demandId(), List.of(), List.of(), r.occupationUri(), List.of(), null, null,
                        null, null, null));
            }
            requests.add(new MatchRequest(r.demandId(), r.essentialSkills(), r.optionalSkills(), null, List.of(), null,
                    null, null, null, null));
        }
    }

    static ExpertIndex index() {
        ExpertIndex index = new ExpertIndex(ESCO.size());
        index.bulkLoad(profiles.stream().map(p -> ExpertVector.of(p, ESCO)).toList());
        return index;
    }

    @Test
    void theTopMatchesOfGeneratedDemandsAreExactlyThoseOfAFullScan() {
        ExpertIndex index = index();
        for (MatchRequest r : requests) {
            CompiledDemand q = CompiledDemand.of(r, ESCO);
            for (int k : new int[] {1, 5, 20, 100}) {
                assertThat(index.top(q, k, true)).as("demand %s, top %s", r, k).isEqualTo(index.bruteForce(q, k, true));
            }
            assertThat(index.top(q, 20, false)).as("demand %s without consent", r).isEqualTo(index.bruteForce(q, 20, false));
        }
    }

    @Test
    void theTopMatchesStayExactAfterProfilesChangeAndLeave() {
        ExpertIndex index = index();
        for (int i = 0; i < 500; i++) {
            MatchingProfile moved = profiles.get((i * 37) % EXPERTS);
            MatchingProfile into = profiles.get((i * 91 + 5) % EXPERTS);
            // The expert takes another expert's occupation, skills, languages and availability.
            index.put(ExpertVector.of(new MatchingProfile(moved.id(), into.country(), into.occupationUri(),
                    into.yearsExperience(), into.educationLevel(), into.sectors(), into.contributions(), into.languages(),
                    into.skills(), into.availability(), into.matchingConsent(), into.contactConsent(), into.synthetic()),
                    ESCO));
        }
        for (int i = 0; i < 300; i++) {
            index.remove((int) profiles.get((i * 53 + 11) % EXPERTS).id());
        }
        for (MatchRequest r : requests.subList(0, 100)) {
            CompiledDemand q = CompiledDemand.of(r, ESCO);
            assertThat(index.top(q, 20, true)).as("demand %s", r).isEqualTo(index.bruteForce(q, 20, true));
        }
    }
}
