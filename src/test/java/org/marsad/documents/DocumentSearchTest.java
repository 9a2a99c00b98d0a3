package org.marsad.documents;

import org.junit.jupiter.api.Test;
import org.marsad.platform.PageQuery;
import org.marsad.platform.SourceCitation;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MarsadIntegrationTest
class DocumentSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DocumentsApi documents;

    @Test
    void theLibraryHoldsTheFiveSourceDocuments() {
        assertThat(documents.list()).extracting(DocumentSummary::shortCode).containsExactly("000", "001", "002", "003", "004");
        assertThat(documents.get("000_730cb28217dd8238").lineCount()).isEqualTo(2745);
    }

    @Test
    void searchIsAccentInsensitiveStemmedRankedAndHighlighted() throws Exception {
        mvc.perform(get("/api/v1/documents").param("q", "etudiants etrangers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(greaterThan(0)))
                .andExpect(jsonPath("$.items[0].document").value("001_de66a9b74a95ff1f"))
                .andExpect(jsonPath("$.items[0].snippetHtml", containsString("<mark>étudiants</mark>")))
                .andExpect(jsonPath("$.items[0].href", startsWith("/documents/001_de66a9b74a95ff1f?from=")))
                .andExpect(jsonPath("$.items[0].locator", startsWith("l. ")));
        var byStem = documents.search("migrant", null, new PageQuery(0, 50));
        assertThat(byStem.items()).anySatisfy(hit -> assertThat(hit.snippet().toLowerCase()).contains("migrations"));
    }

    @Test
    void aHitPointsAtLinesThatContainTheWords() {
        var hits = documents.search("réadmission", "002_4571ce2f16081695", new PageQuery(0, 5));
        assertThat(hits.items()).isNotEmpty();
        var first = hits.items().getFirst();
        String passage = documents.passageText(new SourceCitation(first.document(), "hit", first.fromLine(), first.toLine(), null));
        assertThat(passage.toLowerCase()).contains("réadmission");
    }

    @Test
    void snippetsAreEscapedSoDocumentTextCannotInjectMarkup() {
        var hits = documents.search("migration", null, new PageQuery(0, 50));
        assertThat(hits.items()).allSatisfy(hit ->
                assertThat(hit.snippetHtml().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">"));
    }

    @Test
    void badQueriesAreFieldErrors() throws Exception {
        mvc.perform(get("/api/v1/documents").param("q", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/documents").param("q", "x".repeat(201)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/documents").param("q", "visa").param("document", "999"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("document"));
        mvc.perform(get("/api/v1/documents").param("q", "visa").param("size", "5000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/documents").param("q", "\"unterminated & | ! ( :*"))
                .andExpect(status().isOk());
    }

    @Test
    void citationsAreCheckedAgainstTheText() {
        documents.verify(new SourceCitation("000_730cb28217dd8238.txt", "point 37", 559, 565,
                "Promouvoir le développement de la connaissance scientifique"));
        assertThatThrownBy(() -> documents.verify(new SourceCitation("000_730cb28217dd8238.txt", "point 1", 559, 565,
                "Poursuivre l'amélioration des aspects relatifs"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> documents.verify(new SourceCitation("nope.txt", "x", 1, 2, null)))
                .hasMessageContaining("unknown document");
    }

    @Test
    void theReaderHighlightsTheCitedLines() throws Exception {
        mvc.perform(get("/documents/000_730cb28217dd8238").param("from", "559").param("to", "565"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"L559\"")))
                .andExpect(content().string(containsString("data-testid=\"cited-range\"")))
                .andExpect(content().string(containsString("class=\"ln in\"")));
    }
}
