package org.marsad.indicators;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.Browser;
import org.marsad.support.MarsadIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsad.platform.security.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Entering an indicator value in the browser and seeing the table and the chart follow; a refusal explained. */
@MarsadIntegrationTest
class IndicatorsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port);
    }

    @Test
    void aDataStewardEntersAValueAndTheTableAndChartUpdate() throws Exception {
        String code = indicatorWithOneValue();
        MarsadPrincipal steward = users.create(Role.DATA_STEWARD, "MA-HCP");
        browser.signIn(steward.username(), TestUsers.PASSWORD);
        browser.open("/indicators/" + code).switchTo("fr");
        waitUntil(d -> "1".equals(d.findElement(By.id("indicator-chart")).getAttribute("data-rendered")));
        assertThat(browser.find("#indicator-chart canvas")).isNotNull();

        browser.find("[data-testid=value-start]").sendKeys("2021");
        browser.find("[data-testid=value-target]").sendKeys("100");
        browser.find("[data-testid=value-actual]").sendKeys("80");
        browser.find("[data-testid=save-value]").click();

        waitUntil(d -> !d.findElements(By.cssSelector("[data-testid=period-row][data-period='2021']")).isEmpty());
        waitUntil(d -> "2".equals(d.findElement(By.id("indicator-chart")).getAttribute("data-rendered")));
        assertThat(browser.find("[data-testid=notice]").getText())
                .isEqualTo(messages.getMessage("indicators.valueSaved", null, Locale.FRENCH));
        assertThat(browser.attribute("[data-testid=period-row][data-period='2021'] [data-testid=rag]", "data-status")).isEqualTo("AMBER");
        assertThat(browser.find("[data-testid=period-row][data-period='2021']").getText()).contains(steward.username());

        // The same period again, without a reason: refused on the field, nothing replaced.
        browser.find("[data-testid=value-start]").sendKeys("2021");
        browser.find("[data-testid=value-actual]").sendKeys("90");
        browser.find("[data-testid=save-value]").click();
        waitUntil(d -> !d.findElements(By.cssSelector("[data-testid=form-errors]")).isEmpty());
        assertThat(browser.find("[data-testid=form-errors]").getText())
                .contains(messages.getMessage("indicators.reasonToCorrect", null, Locale.FRENCH));
        assertThat(browser.find("[data-testid=period-row][data-period='2021'] [data-testid=actual]").getText()).isEqualTo("80");
        browser.assertNoRawKeys();
    }

    @Test
    void aFocalPointSeesWhyItCannotEnterValuesOfANodeIndicator() throws Exception {
        String code = indicatorWithOneValue();
        MarsadPrincipal focalPoint = users.create(Role.FOCAL_POINT, "IOM");
        browser.signIn(focalPoint.username(), TestUsers.PASSWORD);
        browser.open("/indicators/" + code).switchTo("fr");
        assertThat(browser.find("[data-testid=entry-refused]").getText())
                .isEqualTo(messages.getMessage("indicators.refused.notYourInitiative", null, Locale.FRENCH));
        assertThat(browser.all("[data-testid=value-form]")).isEmpty();
        browser.assertNoRawKeys();
    }

    private String indicatorWithOneValue() throws Exception {
        MarsadPrincipal coordinator = users.create(Role.COORDINATOR);
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/indicators").with(as(coordinator)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "measure": "UNIT", "title": {"fr": "Indicateur du navigateur"}, "nodes": ["SNIA.OSP19"]}
                        """.formatted(code))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/indicators/" + code + "/values").with(as(coordinator)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"start\": \"2020\", \"target\": 100, \"actual\": 100}"))
                .andExpect(status().isCreated());
        return code;
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        browser.until(condition);
    }
}
