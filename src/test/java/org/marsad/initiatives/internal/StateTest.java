package org.marsad.initiatives.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsad.initiatives.ActivityStatus;
import org.marsad.initiatives.Budget;
import org.marsad.initiatives.BudgetType;
import org.marsad.initiatives.HistoryEntry.FieldChange;
import org.marsad.initiatives.OrganisationLabel;
import org.marsad.initiatives.OrganisationRole;
import org.marsad.initiatives.Participation;
import org.marsad.initiatives.Visibility;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.PartialDate;

import static org.assertj.core.api.Assertions.assertThat;

class StateTest {

    static final OrganisationLabel EU = new OrganisationLabel(1L, "EU", "XM-DAC-918", LocalizedText.french("Union européenne"));
    static final OrganisationLabel IOM = new OrganisationLabel(2L, "IOM", null, LocalizedText.french("OIM"));

    static State state(ActivityStatus status, List<Budget> budgets) {
        return new State(LocalizedText.french("Titre"), null, status, Visibility.PUBLIC, EU, false,
                List.of(new Participation(EU, OrganisationRole.FUNDING, null), new Participation(IOM, OrganisationRole.IMPLEMENTING, null)),
                null, budgets, null, null, null, null, List.of("MP2013.4"), null);
    }

    static Budget budget(BudgetType type, int year, String amount, String currency) {
        return new Budget(type, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), new BigDecimal(amount), currency);
    }

    @Test
    void theBudgetTotalTakesTheRevisedBudgetOfAPeriodOverTheOriginalAndKeepsCurrenciesApart() {
        State s = state(ActivityStatus.IMPLEMENTATION, List.of(budget(BudgetType.ORIGINAL, 2014, "100.10", "EUR"),
                budget(BudgetType.REVISED, 2014, "90.05", "EUR"), budget(BudgetType.ORIGINAL, 2015, "50", "EUR"),
                budget(BudgetType.ORIGINAL, 2015, "1000", "MAD")));
        assertThat(s.budgetTotals()).containsEntry("EUR", new BigDecimal("140.05")).containsEntry("MAD", new BigDecimal("1000"));
    }

    @Test
    void aStatedTotalIsTheTotalOfItsCurrencyAndAnnualBudgetsDoNotAddToIt() {
        State s = state(ActivityStatus.IMPLEMENTATION, List.of(new Budget(BudgetType.ORIGINAL, null, null, new BigDecimal("35000000"), "EUR"),
                budget(BudgetType.ORIGINAL, 2018, "5000000", "EUR")));
        assertThat(s.budgetTotals()).containsExactly(Map.entry("EUR", new BigDecimal("35000000")));
    }

    @Test
    void partnersAreTheOrganisationsThatFundAreAccountableOrExtend() {
        State s = state(ActivityStatus.PIPELINE, List.of());
        assertThat(s.partnerIds()).containsExactly(1L);
        assertThat(s.organisationIds()).containsExactly(1L, 2L);
        assertThat(s.participationKeys()).containsExactly("1:1", "2:4");
    }

    @Test
    void changesListEachFieldBeforeAndAfter() {
        State before = state(ActivityStatus.PIPELINE, List.of());
        State after = state(ActivityStatus.IMPLEMENTATION, List.of(budget(BudgetType.ORIGINAL, 2014, "10", "EUR")))
                .withNodes(List.of("MP2013.4", "GCM.7"));
        assertThat(Changes.between(before, after)).containsExactly(
                new FieldChange("status", "PIPELINE", "IMPLEMENTATION"),
                new FieldChange("budgets", null, "ORIGINAL 2014-01-01/2014-12-31 10 EUR"),
                new FieldChange("nodes", "MP2013.4", "MP2013.4; GCM.7"));
        assertThat(Changes.between(before, before)).isEmpty();
    }

    @Test
    void anEndIsBeforeAStartOnlyWhenEvenItsLastDayIsBeforeTheStartsFirstDay() {
        assertThat(InputChecks.endBeforeStart(PartialDate.parse("2014-05"), PartialDate.parse("2014"))).isFalse();
        assertThat(InputChecks.endBeforeStart(PartialDate.parse("2014-05-10"), PartialDate.parse("2014-05"))).isFalse();
        assertThat(InputChecks.endBeforeStart(PartialDate.parse("2015"), PartialDate.parse("2014-12-31"))).isTrue();
    }
}
