package org.marsad.documents.internal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassageSplitterTest {

    @Test
    void startsAPassageAtEachNumberedPointAndJoinsBrokenLines() {
        var passages = PassageSplitter.split(List.of(
                "1. Poursuivre l'amélioration des aspects relatifs aux ",
                "",
                "procédures de délivrance des visas. ",
                "",
                "2. Poursuivre la coopération entre les Etats membres "));
        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).text()).isEqualTo("1. Poursuivre l'amélioration des aspects relatifs aux procédures de délivrance des visas.");
        assertThat(passages.get(0).fromLine()).isEqualTo(1);
        assertThat(passages.get(0).toLine()).isEqualTo(4);
        assertThat(passages.get(1).fromLine()).isEqualTo(5);
    }

    @Test
    void everyLineBelongsToExactlyOnePassage() {
        var lines = List.of("", "Titre", "", "", "Un texte qui continue", "sur une autre ligne.", "Une autre phrase.", "", "12", "fin");
        var passages = PassageSplitter.split(lines);
        int expected = 1;
        for (var p : passages) {
            assertThat(p.fromLine()).isEqualTo(expected);
            expected = p.toLine() + 1;
        }
        assertThat(expected).isEqualTo(lines.size() + 1);
    }

    @Test
    void dropsPageNumbersFromTheTextButKeepsTheirLines() {
        var passages = PassageSplitter.split(List.of("Le partenariat prévoit", "5", "des réunions régulières."));
        assertThat(passages).hasSize(1);
        assertThat(passages.getFirst().text()).isEqualTo("Le partenariat prévoit des réunions régulières.");
    }

    @Test
    void keepsHyphenatedWordsTogether() {
        var passages = PassageSplitter.split(List.of("la non-", "discrimination et les droits"));
        assertThat(passages.getFirst().text()).isEqualTo("la non-discrimination et les droits");
    }

    @Test
    void cutsLongTextAtASentenceEnd() {
        String sentence = "Une phrase assez longue pour remplir le passage rapidement avec des mots. ";
        var lines = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            lines.add(sentence.toLowerCase());
        }
        var passages = PassageSplitter.split(lines);
        assertThat(passages.size()).isGreaterThan(1);
        assertThat(passages).allSatisfy(p -> assertThat(p.text().length()).isLessThan(PassageSplitter.HARD_LIMIT + 200));
    }

    @Test
    void aShortLineStandingAloneIsAHeading() {
        var passages = PassageSplitter.split(List.of("2. Recommandations spécifiques 2018-2019", "",
                "Il est primordiale de garantir une continuité des mesures déjà entreprises."));
        assertThat(passages).extracting(PassageSplitter.Passage::text)
                .containsExactly("2. Recommandations spécifiques 2018-2019",
                        "Il est primordiale de garantir une continuité des mesures déjà entreprises.");
    }
}
