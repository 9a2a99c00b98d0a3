package org.marsad.skills.taxonomy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsad.platform.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** The ESCO extract as loaded, and label search: prefixes, typing errors, accents, French and English, other labels. */
class EscoTaxonomyTest {

    static final EscoTaxonomy ESCO = new EscoTaxonomy();

    private static List<String> english(String query, Language language, EscoTaxonomy.Kind kind) {
        return ESCO.search(query, language, kind, 5).stream().map(h -> h.concept().label().en()).toList();
    }

    @Test
    void theExtractHoldsTheOccupationsSkillsGroupsAndRelationsOfEsco111() {
        assertThat(ESCO.size()).isEqualTo(18162);
        Concept biologist = ESCO.search("biologist", Language.EN, EscoTaxonomy.Kind.OCCUPATION, 1).getFirst().concept();
        assertThat(biologist.type()).isEqualTo(ConceptType.OCCUPATION);
        assertThat(biologist.label().fr()).isEqualTo("biologiste");
        assertThat(biologist.iscoCode()).isEqualTo("2131");
        assertThat(ESCO.iscoGroup("2131").orElseThrow().label().en()).isEqualTo("Biologists, botanists, zoologists and related professionals");
        assertThat(ESCO.essentialSkills(biologist.index())).isNotEmpty();
        assertThat(ESCO.broader(biologist.index())).isNotEmpty();
        assertThat(ESCO.find("http://data.europa.eu/esco/skill/not-a-concept")).isEmpty();
    }

    @Test
    void skillsWithoutAFrenchLabelKeepTheirEnglishOne() {
        Concept skill = ESCO.search("manage musical staff", Language.EN, EscoTaxonomy.Kind.SKILL, 1).getFirst().concept();
        assertThat(skill.hasFrench()).isFalse();
        assertThat(skill.label().resolve(Language.FR).fallback()).isTrue();
        assertThat(skill.label().resolve(Language.FR).text()).isEqualTo("manage musical staff");
    }

    @Test
    void searchFindsByPrefixDespiteTypingErrorsAndAccentsInFrenchAndEnglish() {
        assertThat(english("biotechnology", Language.EN, EscoTaxonomy.Kind.SKILL)).first().isEqualTo("biotechnology");
        assertThat(english("biotehnology", Language.EN, EscoTaxonomy.Kind.SKILL)).contains("biotechnology");
        assertThat(english("nanotech", Language.FR, EscoTaxonomy.Kind.SKILL)).contains("nanotechnology");
        assertThat(english("apprentissage automatique", Language.FR, EscoTaxonomy.Kind.SKILL)).first().isEqualTo("machine learning");
        assertThat(english("telecommunications", Language.FR, EscoTaxonomy.Kind.OCCUPATION)).contains("telecommunications engineer");
        assertThat(english("télécommunications", Language.FR, EscoTaxonomy.Kind.OCCUPATION))
                .isEqualTo(english("telecommunications", Language.FR, EscoTaxonomy.Kind.OCCUPATION));
        assertThat(english("ingénieur en télécommunications", Language.FR, EscoTaxonomy.Kind.OCCUPATION))
                .first().isEqualTo("telecommunications engineer");
        assertThat(english("enseignant-chercheur", Language.FR, EscoTaxonomy.Kind.OCCUPATION)).first().isEqualTo("higher education lecturer");
    }

    @Test
    void alternativeLabelsFindTheirConceptAndSayWhichLabelMatched() {
        EscoTaxonomy.Hit hit = ESCO.search("régisseuse", Language.FR, EscoTaxonomy.Kind.OCCUPATION, 1).getFirst();
        assertThat(hit.concept().label().en()).isEqualTo("technical director");
        assertThat(hit.matchedLabel()).isEqualTo("régisseuse");
        assertThat(hit.matchedLanguage()).isEqualTo(Language.FR);
    }

    @Test
    void searchIsRestrictedToTheKindAskedAndTooShortQueriesFindNothing() {
        assertThat(ESCO.search("biolog", Language.EN, EscoTaxonomy.Kind.OCCUPATION, 10))
                .allSatisfy(h -> assertThat(h.concept().type()).isEqualTo(ConceptType.OCCUPATION));
        assertThat(ESCO.search("biolog", Language.EN, EscoTaxonomy.Kind.SKILL, 10))
                .allSatisfy(h -> assertThat(h.concept().type().isSkillPillar()).isTrue());
        assertThat(ESCO.search("b", Language.EN, null, 10)).isEmpty();
        assertThat(ESCO.search("   ", Language.EN, null, 10)).isEmpty();
        assertThat(ESCO.search("<script>", Language.EN, null, 10)).isNotNull();
    }

    @Test
    void foldingIgnoresCaseAndAccentsButKeepsArabic() {
        assertThat(Folding.fold("Écologie ŒUVRE")).isEqualTo("ecologie oeuvre");
        assertThat(Folding.tokens("l’ingénieur-chercheur")).containsExactly("l", "ingenieur", "chercheur");
        assertThat(Folding.fold("الطب")).isEqualTo("الطب");
        assertThat(Folding.distance("biotehnology", "biotechnology", 2)).isEqualTo(1);
        assertThat(Folding.distance("tlecom", "telecom", 1)).isEqualTo(1);
        assertThat(Folding.distance("abc", "xyz", 1)).isEqualTo(2);
    }
}
