package org.marsad.initiatives;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsad.frameworks.NodeRef;
import org.marsad.platform.PageQuery;
import org.marsad.support.MarsadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded initiatives against the documents. The expected numbers come from a count of the annex of
 * {@code 000_730cb28217dd8238.txt} (lines 851–2735) made by hand, cell by cell, not from the seed files: one
 * initiative per partner cell, "UE/IT" and "UE/NL" being one cell with two organisations.
 */
@MarsadIntegrationTest
class SeedInitiativesTest {

    static final String ANNEX_DATE = "2013-03-25";

    /** Partner cells per point, both parts of the annex (Part 1 + Part 2). */
    static final Map<Integer, Integer> CELLS_PER_POINT = new LinkedHashMap<>();

    static {
        int[][] counts = {{1, 1}, {2, 3}, {3, 1}, {4, 7}, {5, 5}, {6, 6}, {7, 3}, {8, 3}, {9, 5}, {10, 1}, {12, 1},
                {13, 2}, {14, 3}, {15, 11}, {16, 5}, {17, 5}, {18, 7}, {20, 4}, {21, 1}, {22, 12}, {23, 1}, {24, 4},
                {25, 1}, {27, 1}, {28, 3}, {29, 3}, {30, 1}, {36, 3}, {37, 2}};
        for (int[] c : counts) {
            CELLS_PER_POINT.put(c[0], c[1]);
        }
    }

    /**
     * Initiatives each organisation takes part in: its partner cells (UE 37 + UE/IT + UE/NL; IT 4 + UE/IT; NL 14 +
     * UE/NL), plus, for Belgium, the Dutch cell of point 20 that it co-finances ("cofinancé par le Ministère des
     * Affaires Etrangers, avec BEL", lines 2497–2499).
     */
    static final Map<String, Integer> CELLS_PER_ORGANISATION = Map.of("EU", 39, "FR", 13, "NL", 15, "ES", 11, "DE", 10,
            "BE", 6 + 1, "PT", 6, "IT", 5, "SE", 1, "GB", 1);

    @Autowired
    InitiativesApi initiatives;

    @Test
    void theAnnexOnTheDayOfItsStateHasOneInitiativePerPartnerCell() {
        assertThat(count(new InitiativeFilter("MP2013", null, null, null, null, null, null, null, ANNEX_DATE))).isEqualTo(105);
        assertThat(count(new InitiativeFilter("MP2013", null, null, null, "1", null, null, null, ANNEX_DATE)))
                .as("Part 1, new projects: pipeline").isEqualTo(60);
        assertThat(count(new InitiativeFilter("MP2013", null, null, null, "2", null, null, null, ANNEX_DATE)))
                .as("Part 2, projects under way: implementation").isEqualTo(45);
    }

    @Test
    void theNumberOfAnnexInitiativesPerPointMatchesTheDocument() {
        CELLS_PER_POINT.forEach((point, expected) -> assertThat(count(new InitiativeFilter(null, "MP2013." + point, null, null,
                null, null, null, null, ANNEX_DATE))).as("point " + point).isEqualTo((long) expected));
    }

    @Test
    void theNumberOfAnnexInitiativesPerPartnerMatchesTheDocument() {
        CELLS_PER_ORGANISATION.forEach((partner, expected) -> assertThat(count(new InitiativeFilter("MP2013", null,
                partner, null, null, null, null, null, ANNEX_DATE))).as(partner).isEqualTo((long) expected));
        assertThat(count(new InitiativeFilter("MP2013", null, "UK", null, null, null, null, null, ANNEX_DATE)))
                .as("the annex code UK names the United Kingdom").isEqualTo(1);
    }

    @Test
    void pointElevenHasNoInitiativeAndShowsAsAGap() {
        List<String> gaps = initiatives.scoreboard("MP2013", ScoreboardFilter.none(), 5).gaps().stream()
                .map(NodeRef::code).toList();
        assertThat(gaps).contains("MP2013.11", "MP2013.19", "MP2013.26").doesNotContain("MP2013.4", "MP2013.15");
        assertThat(initiatives.scoreboard("MP2013", ScoreboardFilter.asOf("2015-03-31"), 5).gaps().stream()
                .map(NodeRef::code)).contains("MP2013.11");
    }

    @Test
    void theScoreboardOfMarch2015ShowsTheAnnexAsUpdatedThen() {
        Scoreboard before = initiatives.scoreboard("MP2013", ScoreboardFilter.asOf(ANNEX_DATE), 50);
        Scoreboard march2015 = initiatives.scoreboard("MP2013", ScoreboardFilter.asOf("2015-03-31"), 50);
        assertThat(before.totals().initiatives()).isEqualTo(105);
        assertThat(march2015.totals().initiatives()).isGreaterThan(105);
        assertThat(item(march2015, "MP2013.4", "MP2013-P1-004").status()).isEqualTo(ActivityStatus.FINALISATION);
        assertThat(item(before, "MP2013.4", "MP2013-P1-004").status()).isEqualTo(ActivityStatus.PIPELINE);
        assertThat(codes(march2015, "MP2013.4")).contains("MP2013-S15-001");
        assertThat(codes(before, "MP2013.4")).doesNotContain("MP2013-S15-001");
        assertThat(initiatives.scoreboard("MP2013", ScoreboardFilter.asOf("2012-12-31"), 5).totals().initiatives()).isZero();
    }

    @Test
    void theHistoryOfAnAnnexInitiativeShowsTheScoreboardUpdate() {
        Initiative italian = initiatives.get("MP2013-P1-004", null);
        List<HistoryEntry> history = initiatives.history(italian.id());
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        HistoryEntry update = history.stream().filter(h -> h.validFrom().value().equals("2015-03-31")).findFirst().orElseThrow();
        assertThat(update.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("status");
            assertThat(c.before()).isEqualTo("PIPELINE");
            assertThat(c.after()).isEqualTo("FINALISATION");
        });
        assertThat(update.comment().fr()).contains("mars 2015");
        assertThat(history.getLast().validFrom().value()).isEqualTo(ANNEX_DATE);
    }

    @Test
    void sniaProjectsHoldFromTheReportAndCarryTheirBudgets() {
        Initiative budgetSupport = initiatives.get("SNIA-PRJ-001", null);
        assertThat(budgetSupport.asOf().value()).isEqualTo("2018");
        assertThat(budgetSupport.budgetTotals()).containsEntry("EUR", new BigDecimal("35000000"));
        assertThat(budgetSupport.liveLinks()).extracting(NodeLink::nodeCode).contains("SNIA.P9", "MP2013.35");
        assertThat(count(new InitiativeFilter("SNIA", null, null, null, null, null, null, null, "2017-12-31"))).isZero();
        assertThat(count(new InitiativeFilter("SNIA", "SNIA.P9", null, null, null, null, null, null, null))).isEqualTo(26);
    }

    @Test
    void everySeededInitiativeCitesItsSource() {
        var page = initiatives.search(InitiativeFilter.none(), "code", PageQuery.of(0, 200, 200));
        page.items().stream().filter(i -> i.code().startsWith("MP2013-") || i.code().startsWith("SNIA-PRJ-"))
                .forEach(i -> assertThat(initiatives.get(i.id()).sources()).as(i.code()).isNotEmpty());
    }

    private long count(InitiativeFilter filter) {
        return initiatives.search(filter, null, PageQuery.of(0, 1, 1)).total();
    }

    private static Scoreboard.Item item(Scoreboard scoreboard, String node, String code) {
        return scoreboard.groups().stream().flatMap(g -> g.rows().stream()).filter(r -> r.node().code().equals(node))
                .flatMap(r -> r.items().stream()).filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> codes(Scoreboard scoreboard, String node) {
        return scoreboard.groups().stream().flatMap(g -> g.rows().stream()).filter(r -> r.node().code().equals(node))
                .flatMap(r -> r.items().stream()).map(Scoreboard.Item::code).toList();
    }
}
