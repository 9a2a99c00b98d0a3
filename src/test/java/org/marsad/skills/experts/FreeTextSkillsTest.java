package org.marsad.skills.experts;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.demands.Demand;
import org.marsad.skills.matching.MatchingApi;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Skills written in the expert's own words: kept as written, mapped to ESCO only once the expert confirms. */
@MarsadIntegrationTest
class FreeTextSkillsTest {

    @Autowired
    SkillsFixtures fx;

    @Autowired
    ExpertsApi experts;

    @Autowired
    MatchingApi matching;

    @Test
    void aSkillInOwnWordsIsKeptSuggestedAndCountsInMatchingOnlyOnceConfirmed() {
        SkillsFixtures.Expert e = fx.expert(List.of(), List.of("PROFILE", "MATCHING"));
        ExpertInput base = fx.profile(e.profile().displayName(), "FR", List.of(), null);
        ExpertInput withFreeText = new ExpertInput(base.displayName(), base.country(), base.city(), base.nationalities(),
                base.educationLevel(), base.educationField(), null, base.yearsExperience(), base.sectors(), base.contributions(),
                null, base.languages(), List.of(), List.of("apprentissage automatique (réseaux de neurones)"), base.availability(),
                List.of(), e.profile().version());
        ExpertProfile updated = fx.as(e.user(), () -> experts.update(e.profile().id(), withFreeText));
        ExpertProfile.FreeSkill free = updated.freeSkills().getFirst();
        assertThat(free.text()).isEqualTo("apprentissage automatique (réseaux de neurones)");
        assertThat(free.mappings()).extracting(m -> m.concept().label().en()).contains("machine learning");
        assertThat(free.mappings()).allSatisfy(m -> assertThat(m.status()).isEqualTo(ExpertProfile.MappingStatus.SUGGESTED));
        assertThat(updated.skills()).isEmpty();

        String machineLearning = fx.skill("machine learning");
        MarsadPrincipal institution = fx.institution("MA-UM5", SkillsFixtures.unique("ml") + "@example.org");
        Demand demand = fx.publishedDemand(institution, List.of(machineLearning), List.of());
        assertThat(matching.explain(demand, e.profile().id())).isEmpty();

        ExpertProfile confirmed = fx.as(e.user(), () -> experts.decideMapping(e.profile().id(), free.id(), machineLearning, true));
        assertThat(confirmed.skills()).singleElement().satisfies(s -> {
            assertThat(s.concept().uri()).isEqualTo(machineLearning);
            assertThat(s.fromFreeText()).isTrue();
        });
        var explanation = matching.explain(demand, e.profile().id()).orElseThrow();
        assertThat(explanation.parts().getFirst().items()).extracting(i -> i.key()).contains("skill.direct", "skill.levelUnstated");

        // Saving the profile again with the same text keeps the decision.
        ExpertProfile again = fx.as(e.user(), () -> experts.update(e.profile().id(), new ExpertInput(withFreeText.displayName(),
                withFreeText.country(), withFreeText.city(), withFreeText.nationalities(), withFreeText.educationLevel(),
                withFreeText.educationField(), null, withFreeText.yearsExperience(), withFreeText.sectors(),
                withFreeText.contributions(), null, withFreeText.languages(), List.of(), withFreeText.freeSkills(),
                withFreeText.availability(), List.of(), confirmed.version())));
        assertThat(again.skills()).extracting(s -> s.concept().uri()).containsExactly(machineLearning);
    }
}
