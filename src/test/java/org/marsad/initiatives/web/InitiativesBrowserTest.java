package org.marsad.initiatives.web;

import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.initiatives.Acting;
import org.marsad.initiatives.Initiative;
import org.marsad.initiatives.InitiativeInput;
import org.marsad.initiatives.InitiativesApi;
import org.marsad.platform.LocalizedText;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.Browser;
import org.marsad.support.MarsadIntegrationTest;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What people do in the browser: filter a scoreboard; a focal point updates their initiative and is refused another's. */
@MarsadIntegrationTest
class InitiativesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    InitiativesApi initiatives;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port);
    }

    @Test
    void theScoreboardFiltersUpdateTheResultsInPlace() {
        browser.open("/scoreboards/MP2013?asOf=2015-03-31");
        assertThat(browser.find("[data-testid=sb-total]").getText()).contains("1");
        assertThat(browser.find("[data-testid='gap-MP2013.11']").getText()).isEqualTo("MP2013.11");
        assertThat(browser.all("[data-testid='sb-item-MP2013-S15-001']")).isNotEmpty();

        new Select(browser.find("[data-testid=sb-status]")).selectByValue("3");
        waitUntil(() -> browser.all("[data-testid=sb-item]").size() > 0
                && browser.all("[data-testid='sb-item-MP2013-P1-001']").isEmpty());
        assertThat(browser.all("[data-testid='sb-item-MP2013-P1-004']")).as("finalised by March 2015").isNotEmpty();
        assertThat(browser.currentUrl()).contains("status=3").contains("asOf=2015-03-31");

        new Select(browser.find("[data-testid=sb-status]")).selectByValue("");
        browser.find("[data-testid=sb-partner]").sendKeys("NL", Keys.ENTER);
        waitUntil(() -> browser.all("[data-testid='sb-item-MP2013-P1-004']").isEmpty()
                && !browser.all("[data-testid='matrix-NL']").isEmpty());
        assertThat(browser.all("[data-testid=sb-item]")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.getText()).contains("NL"));

        new Select(browser.find("[data-testid=sb-section]")).selectByValue("MP2013.S5");
        waitUntil(() -> browser.all("[data-testid='row-MP2013.4']").isEmpty());
        assertThat(browser.all("[data-testid='row-MP2013.30']")).isNotEmpty();
        browser.assertNoRawKeys();

        // Back to the previous filters: the whole page as it was, not the results alone.
        browser.driver().navigate().back();
        waitUntil(() -> !browser.currentUrl().contains("section=MP2013.S5")
                && !browser.all("[data-testid='row-MP2013.4']").isEmpty());
        assertThat(browser.all(".site-header")).hasSize(1);
        assertThat(browser.all("[data-testid=scoreboard-filters]")).hasSize(1);
        assertThat(browser.all("[data-testid=sb-item]")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.getText()).contains("NL"));

        // Another language: the same page, the filters as they are now.
        new Select(browser.find("[data-testid=sb-status]")).selectByValue("2");
        waitUntil(() -> browser.currentUrl().contains("status=2"));
        browser.switchTo("en");
        assertThat(browser.currentUrl()).contains("/scoreboards/MP2013").contains("partner=NL").contains("status=2");
        assertThat(new Select(browser.find("[data-testid=sb-status]")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("2");
        browser.assertNoRawKeys();
    }

    @Test
    void aFocalPointUpdatesTheirInitiativeAndIsRefusedAnothers() {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        Initiative own = Acting.as(coordinator, () -> initiatives.create(input("IOM")));
        Initiative other = Acting.as(coordinator, () -> initiatives.create(input("DE-GIZ")));
        MarsadPrincipal focal = users.create(Role.FOCAL_POINT, "IOM");
        browser.signIn(focal.username(), TestUsers.PASSWORD);

        browser.open("/initiatives/" + own.id());
        new Select(browser.find("[data-testid=new-status]")).selectByValue("2");
        browser.find("[data-testid=status-comment]").sendKeys("Premier atelier tenu à Oujda");
        browser.find("[data-testid=change-status]").click();
        waitUntil(() -> !browser.all("[data-testid=notice]").isEmpty());
        assertThat(browser.find("[data-testid=initiative-status]").getText()).isIn("En cours", "Implementation", "قيد التنفيذ");

        browser.find("[data-testid=edit-initiative]").click();
        // Bad input first: an end before the start is refused, said next to the field, and nothing is saved.
        browser.find("#plannedStart").clear();
        browser.find("#plannedStart").sendKeys("2025-06-01");
        browser.find("#plannedEnd").sendKeys("2024-01-31");
        browser.find("[data-testid=save]").click();
        waitUntil(() -> !browser.all("[data-testid=form-errors]").isEmpty());
        var errorLink = browser.find("[data-testid=form-errors] a");
        assertThat(errorLink.getAttribute("href")).endsWith("#plannedEnd");
        errorLink.click();
        assertThat(browser.currentUrl()).endsWith("#plannedEnd");
        assertThat(Acting.as(coordinator, () -> initiatives.get(own.id())).dates().plannedEnd()).isNull();
        browser.find("#plannedStart").clear();
        browser.find("#plannedStart").sendKeys("2024");
        browser.find("#plannedEnd").clear();

        var title = browser.find("[data-testid=title-fr]");
        title.clear();
        title.sendKeys("Accueil des migrants de retour à Oujda");
        browser.find("[data-testid=save]").click();
        waitUntil(() -> !browser.all("[data-testid=notice]").isEmpty());
        assertThat(browser.find("h1").getText()).contains("Accueil des migrants de retour à Oujda");

        browser.find("[data-testid=history-link]").click();
        List<String> changes = browser.all("[data-testid=change]").stream().map(e -> e.getText()).toList();
        assertThat(changes).anySatisfy(c -> assertThat(c).contains("Accueil des migrants de retour à Oujda"));
        assertThat(browser.find("[data-testid=revision-comment]").getText()).contains("Premier atelier tenu à Oujda");
        assertThat(browser.all("[data-testid=revision-who]").getFirst().getText()).contains(focal.username());

        browser.open("/initiatives/" + other.id());
        assertThat(browser.all("[data-testid=edit-initiative]")).isEmpty();
        assertThat(browser.all("[data-testid=status-form]")).isEmpty();
        browser.open("/initiatives/" + other.id() + "/edit");
        assertThat(browser.find("h1").getText()).isIn("Accès refusé", "Forbidden", "الوصول مرفوض");
        browser.assertNoRawKeys();
    }

    private static InitiativeInput input(String organisation) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return new InitiativeInput(code, organisation, LocalizedText.french("Accueil des migrants de retour"), null, "1",
                "PUBLIC", List.of(new InitiativeInput.ParticipationInput(organisation, "4")),
                new InitiativeInput.DatesInput("2024", null, null, null), List.of(), List.of(), List.of("MA-02"), List.of(),
                List.of("RETURNEES"), List.of("MP2013.24"), List.of(), "2024-01-15", null, null, null);
    }

    private void waitUntil(BooleanSupplier condition) {
        browser.until(d -> condition.getAsBoolean());
    }
}
