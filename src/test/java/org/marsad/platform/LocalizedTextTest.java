package org.marsad.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LocalizedTextTest {

    @Test
    void returnsTheRequestedLanguageWhenPresent() {
        var text = LocalizedText.of("Pacte", "ميثاق", "Compact");
        assertThat(text.resolve(Language.AR)).isEqualTo(new LocalizedText.Resolved("ميثاق", Language.AR, false));
    }

    @Test
    void fallsBackToFrenchAndSaysSo() {
        var text = LocalizedText.of("Pacte", null, "Compact");
        var resolved = text.resolve(Language.AR);
        assertThat(resolved.text()).isEqualTo("Pacte");
        assertThat(resolved.language()).isEqualTo(Language.FR);
        assertThat(resolved.fallback()).isTrue();
    }

    @Test
    void fallsBackToEnglishWhenThereIsNoFrench() {
        assertThat(LocalizedText.of(null, null, "Compact").resolve(Language.FR).text()).isEqualTo("Compact");
    }

    @Test
    void blankValuesCountAsMissing() {
        var text = LocalizedText.of("  ", "", null);
        assertThat(text.isEmpty()).isTrue();
        assertThat(text.resolve(Language.EN).text()).isEmpty();
    }

    @Test
    void jsonCarriesTheThreeLanguagesAndNothingElse() {
        String json = JsonMapper.builder().build().writeValueAsString(LocalizedText.of("Pacte", null, "Compact"));
        assertThat(json).isEqualTo("{\"fr\":\"Pacte\",\"ar\":null,\"en\":\"Compact\"}");
    }
}
