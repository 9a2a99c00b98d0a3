package org.marsad.skills.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.marsad.platform.Language;
import org.marsad.skills.CefrLevel;
import org.marsad.skills.ContributionKind;
import org.marsad.skills.EducationLevel;
import org.marsad.skills.SkillLevel;
import org.marsad.skills.experts.MatchingProfile;
import org.marsad.skills.taxonomy.Concept;
import org.marsad.skills.taxonomy.EscoTaxonomy;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring and explanations, without Spring: one expert against one demand, and the index against a full scan. */
class ScorerTest {

    static final EscoTaxonomy ESCO = SharedTaxonomy.get();
    static final LocalDate FROM = LocalDate.of(2031, 3, 1);
    static final LocalDate TO = LocalDate.of(2031, 3, 31);

    static String skill(String englishLabel) {
        return ESCO.search(englishLabel, Language.EN, EscoTaxonomy.Kind.SKILL, 1).getFirst().concept().uri();
    }

    static String occupation(String englishLabel) {
        return ESCO.search(englishLabel, Language.EN, EscoTaxonomy.Kind.OCCUPATION, 1).getFirst().concept().uri();
    }

    static MatchingProfile expert(long id, String occupation, List<MatchingProfile.Skill> skills,
            List<MatchingProfile.Language> languages, boolean consent) {
        return new MatchingProfile(id, "FR", occupation, 12, EducationLevel.DOCTORATE, Set.of(),
                EnumSet.of(ContributionKind.EXPERTISE_MISSION), languages, skills,
                List.of(new MatchingProfile.Period(FROM.minusDays(10), TO.plusDays(10))), consent, true, false);
    }

    static MatchRequest demand(List<String> essential, List<String> optional, String occupation,
            List<MatchRequest.Language> languages) {
        return new MatchRequest(1, essential, optional, occupation, languages, 5, EducationLevel.MASTER, FROM, TO,
                ContributionKind.EXPERTISE_MISSION);
    }

    static final List<MatchingProfile.Language> FRENCH = List.of(new MatchingProfile.Language("fr", CefrLevel.C2));

    double score(MatchingProfile p, MatchRequest r) {
        return Scorer.score(ExpertVector.of(p, ESCO), CompiledDemand.of(r, ESCO), true);
    }

    Explanation explain(MatchingProfile p, MatchRequest r) {
        return Scorer.explain(ExpertVector.of(p, ESCO), CompiledDemand.of(r, ESCO), true, ESCO);
    }

    @Test
    void anExpertWithEveryEssentialSkillGetsAllTheirPointsAndTheExplanationSaysSo() {
        String biotech = skill("biotechnology");
        String nano = skill("nanotechnology");
        MatchingProfile p = expert(1, occupation("biologist"), List.of(new MatchingProfile.Skill(biotech, SkillLevel.EXPERT),
                new MatchingProfile.Skill(nano, SkillLevel.EXPERT)), FRENCH, true);
        Explanation e = explain(p, demand(List.of(biotech, nano), List.of(), occupation("biologist"),
                List.of(new MatchRequest.Language("fr", CefrLevel.B2, true))));
        Explanation.Part essential = part(e, Criterion.ESSENTIAL_SKILLS);
        assertThat(essential.points()).isEqualTo(40.0);
        assertThat(essential.items()).extracting(Explanation.Item::kind).containsOnly(Explanation.Kind.MATCHED);
        assertThat(part(e, Criterion.OCCUPATION).points()).isEqualTo(15.0);
        assertThat(e.score()).isEqualTo(e.parts().stream().mapToDouble(Explanation.Part::points).sum());
        assertThat(e.score()).isEqualTo(40 + 15 + 10 + 8 + 4 + 4 + 4);
    }

    @Test
    void aMissingSkillIsListedAsMissingAndCostsItsShare() {
        String biotech = skill("biotechnology");
        String telecom = skill("telecommunications engineering");
        MatchingProfile p = expert(1, null, List.of(new MatchingProfile.Skill(biotech, SkillLevel.EXPERT)), FRENCH, true);
        Explanation e = explain(p, demand(List.of(biotech, telecom), List.of(), null, List.of()));
        Explanation.Part essential = part(e, Criterion.ESSENTIAL_SKILLS);
        assertThat(essential.points()).isEqualTo(20.0);
        assertThat(essential.items()).anySatisfy(i -> {
            assertThat(i.kind()).isEqualTo(Explanation.Kind.MISSING);
            assertThat(i.concept()).isEqualTo(telecom);
        });
        assertThat(part(e, Criterion.OCCUPATION).applicable()).isFalse();
    }

    @Test
    void aSkillCoveredThroughTheHierarchyCountsLessThanTheSkillItself() {
        Concept parent = firstWithNarrower();
        String child = ESCO.get(ESCO.narrower(parent.index())[0]).uri();
        MatchRequest r = demand(List.of(parent.uri()), List.of(), null, List.of());
        double direct = score(expert(1, null, List.of(new MatchingProfile.Skill(parent.uri(), SkillLevel.EXPERT)), FRENCH, true), r);
        double throughNarrower = score(expert(2, null, List.of(new MatchingProfile.Skill(child, SkillLevel.EXPERT)), FRENCH, true), r);
        assertThat(throughNarrower).isGreaterThan(0).isLessThan(direct);
        Explanation e = explain(expert(2, null, List.of(new MatchingProfile.Skill(child, SkillLevel.EXPERT)), FRENCH, true), r);
        assertThat(part(e, Criterion.ESSENTIAL_SKILLS).items().getFirst().key()).isEqualTo("skill.narrower");
        assertThat(part(e, Criterion.ESSENTIAL_SKILLS).items().getFirst().via()).isEqualTo(child);
    }

    @Test
    void aLowerStatedLevelLowersTheScoreAndSaysWhy() {
        String biotech = skill("biotechnology");
        MatchRequest r = demand(List.of(biotech), List.of(), null, List.of());
        double expert = score(expert(1, null, List.of(new MatchingProfile.Skill(biotech, SkillLevel.EXPERT)), FRENCH, true), r);
        Explanation basic = explain(expert(2, null, List.of(new MatchingProfile.Skill(biotech, SkillLevel.BASIC)), FRENCH, true), r);
        assertThat(basic.score()).isLessThan(expert);
        assertThat(part(basic, Criterion.ESSENTIAL_SKILLS).items())
                .anySatisfy(i -> assertThat(i.kind()).isEqualTo(Explanation.Kind.LOWERED));
    }

    @Test
    void hardFiltersExcludeWithoutConsentWithoutRequiredLanguageOrWithoutAvailability() {
        String biotech = skill("biotechnology");
        List<MatchingProfile.Skill> skills = List.of(new MatchingProfile.Skill(biotech, SkillLevel.EXPERT));
        MatchRequest needsArabic = demand(List.of(biotech), List.of(), null, List.of(new MatchRequest.Language("ar", CefrLevel.B2, true)));
        assertThat(score(expert(1, null, skills, FRENCH, true), needsArabic)).isEqualTo(Scorer.FILTERED);
        assertThat(score(expert(1, null, skills, List.of(new MatchingProfile.Language("ar", CefrLevel.NATIVE)), true), needsArabic))
                .isPositive();
        MatchRequest r = demand(List.of(biotech), List.of(), null, List.of());
        assertThat(score(expert(1, null, skills, FRENCH, false), r)).isEqualTo(Scorer.FILTERED);
        MatchingProfile away = new MatchingProfile(1, "FR", null, 10, null, Set.of(), Set.of(), FRENCH, skills,
                List.of(new MatchingProfile.Period(TO.plusDays(1), TO.plusDays(90))), true, true, false);
        assertThat(score(away, r)).isEqualTo(Scorer.FILTERED);
        MatchRequest wantsDesirableArabic = demand(List.of(biotech), List.of(), null, List.of(new MatchRequest.Language("ar", CefrLevel.B2, false)));
        Explanation e = explain(expert(1, null, skills, FRENCH, true), wantsDesirableArabic);
        assertThat(part(e, Criterion.LANGUAGES).points()).isZero();
        assertThat(part(e, Criterion.LANGUAGES).items().getFirst().kind()).isEqualTo(Explanation.Kind.MISSING);
    }

    @Test
    void anExpertWithNothingInCommonIsNotAMatch() {
        MatchingProfile p = expert(1, null, List.of(new MatchingProfile.Skill(skill("nanotechnology"), SkillLevel.EXPERT)), FRENCH, true);
        assertThat(score(p, demand(List.of(skill("accounting")), List.of(), null, List.of()))).isEqualTo(Scorer.FILTERED);
    }

    @Test
    void theSameOccupationGroupGivesPartOfTheOccupationPoints() {
        String wanted = occupation("biologist");
        Concept same = sameIscoGroupAs(wanted);
        MatchRequest r = demand(List.of(skill("biotechnology")), List.of(), wanted, List.of());
        Explanation e = explain(expert(1, same.uri(), List.of(), FRENCH, true), r);
        assertThat(part(e, Criterion.OCCUPATION).points()).isEqualTo(9.0);
        assertThat(part(e, Criterion.OCCUPATION).items().getFirst().key()).isEqualTo("occupation.sameGroup");
    }

    @Test
    void theIndexRanksExactlyAsAFullScanAndTheSameInputGivesTheSameRanking() {
        List<Concept> skills = new ArrayList<>();
        for (int i = 0; i < ESCO.size() && skills.size() < 400; i += 31) {
            if (ESCO.get(i).type().isSkillPillar()) {
                skills.add(ESCO.get(i));
            }
        }
        Random random = new Random(7);
        ExpertIndex index = new ExpertIndex(ESCO.size());
        List<ExpertVector> vectors = new ArrayList<>();
        for (int id = 1; id <= 3000; id++) {
            List<MatchingProfile.Skill> own = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                own.add(new MatchingProfile.Skill(skills.get(random.nextInt(skills.size())).uri(),
                        SkillLevel.values()[random.nextInt(4)]));
            }
            vectors.add(ExpertVector.of(expert(id, null, own, FRENCH, random.nextInt(10) > 0), ESCO));
        }
        index.bulkLoad(vectors);
        for (int d = 0; d < 30; d++) {
            List<String> essential = List.of(skills.get(random.nextInt(skills.size())).uri(), skills.get(random.nextInt(skills.size())).uri());
            List<String> optional = List.of(skills.get(random.nextInt(skills.size())).uri());
            CompiledDemand q = CompiledDemand.of(demand(essential, optional, null, List.of()), ESCO);
            assertThat(index.top(q, 20, true)).isEqualTo(index.bruteForce(q, 20, true)).isEqualTo(index.top(q, 20, true));
        }
        ExpertVector changed = vectors.get(10);
        index.remove(changed.id);
        index.put(changed);
        assertThat(index.size()).isEqualTo(3000);
    }

    static Explanation.Part part(Explanation e, Criterion c) {
        return e.parts().stream().filter(p -> p.criterion() == c).findFirst().orElseThrow();
    }

    static Concept firstWithNarrower() {
        for (int i = 0; i < ESCO.size(); i++) {
            Concept c = ESCO.get(i);
            if ((c.type() == org.marsad.skills.taxonomy.ConceptType.KNOWLEDGE || c.type() == org.marsad.skills.taxonomy.ConceptType.SKILL)
                    && ESCO.narrower(i).length > 0) {
                return c;
            }
        }
        throw new IllegalStateException("no skill with narrower skills");
    }

    static Concept sameIscoGroupAs(String occupationUri) {
        Concept wanted = ESCO.find(occupationUri).orElseThrow();
        for (int i = 0; i < ESCO.size(); i++) {
            Concept c = ESCO.get(i);
            if (c.type() == org.marsad.skills.taxonomy.ConceptType.OCCUPATION && c.index() != wanted.index()
                    && c.iscoCode().equals(wanted.iscoCode())) {
                return c;
            }
        }
        throw new IllegalStateException("no other occupation in group " + wanted.iscoCode());
    }
}
