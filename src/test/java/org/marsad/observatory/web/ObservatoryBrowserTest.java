package org.marsad.observatory.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.observatory.ObservatoryFixtures;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.Browser;
import org.marsad.support.MarsadIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person does with the observatory in a browser: explore and chart a dataset, download it, import a file. */
@MarsadIntegrationTest
class ObservatoryBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ObservatoryFixtures fixtures;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port);
    }

    private WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    @Test
    void exploreADatasetAsATableAndAChartThenComputeGrowth() {
        browser.open("/observatory").find("[data-testid=dataset-card] a[href='/observatory/datasets/MRE_STOCK']").click();
        browser.waitFor("[data-testid=data-table]");
        waiting().until(d -> d.findElement(By.cssSelector("[data-testid=chart]")).getAttribute("data-rendered") != null);
        assertThat(browser.all("[data-testid=chart] canvas")).isNotEmpty();
        assertThat(browser.find("[data-testid=chart]").getAttribute("data-error")).isNull();

        browser.find("[data-testid=code-REF_AREA-ES]").click();
        browser.find("[data-testid=derive-growth_linear]").click();
        browser.find("[data-testid=explore-submit]").click();
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=data-row]")).size() == 2);
        assertThat(browser.find("[data-testid=data-row][data-source=CONSULATES] [data-derivation=growth_linear]").getText())
                .containsPattern("52[.,]19");
        assertThat(browser.currentUrl()).contains("REF_AREA=ES");
        waiting().until(d -> d.findElement(By.cssSelector("[data-testid=chart]")).getAttribute("data-rendered") != null);
        browser.assertNoRawKeys();
    }

    @Test
    void downloadTheDataShownAsCsv() {
        browser.open("/observatory/datasets/REMITTANCES?key=FR.USD_M");
        String href = browser.attribute("[data-testid=download-csv]", "href");
        assertThat(href).contains("/api/v1/observatory/data/REMITTANCES/FR.USD_M").contains("format=csv");
        Object text = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text().then(t => done(r.headers.get('content-disposition') + '\\n' + t)));", href);
        assertThat((String) text).contains("REMITTANCES.csv").contains("FR,USD_M,France").contains("MININT,2008,2675");
    }

    @Test
    void compareTheSourcesOfTheTotalOfMoroccansAbroad() {
        browser.open("/observatory/compare");
        browser.waitFor("[data-testid=compare-table]");
        assertThat(browser.all("[data-testid=compare-row][data-source=MCMREAM]")).hasSize(1);
        waiting().until(d -> d.findElement(By.cssSelector("[data-testid=compare-chart]")).getAttribute("data-rendered") != null);
        assertThat(browser.find("[data-testid=source-notes]").getText()).contains("CONSULATES", "MAE", "MCMREAM");
    }

    @Test
    void importAFileWithARejectedRowAndFollowItsProgress() throws IOException {
        String dataset = fixtures.areaBySex();
        Path file = Files.createTempFile("observatory-", ".csv");
        Files.writeString(file, "REF_AREA;SEX;DATA_SOURCE;TIME_PERIOD;OBS_VALUE\nMA;F;CONSULATES;2007;12,5\nZZ;F;CONSULATES;2007;3\n",
                StandardCharsets.UTF_8);
        try {
            browser.signIn(fixtures.steward().username(), TestUsers.PASSWORD);
            browser.open("/observatory/datasets/" + dataset + "/import");
            browser.find("[data-testid=import-file]").sendKeys(file.toAbsolutePath().toString());
            browser.find("[data-testid=mode-ACCEPT_VALID]").click();
            browser.find("[data-testid=import-submit]").click();
            waiting().until(d -> d.getCurrentUrl().contains("/observatory/imports/"));
            waiting().until(d -> "DONE".equals(d.findElement(By.cssSelector("[data-testid=import-status]")).getAttribute("data-status")));
            assertThat(browser.find("[data-testid=count-inserted]").getText()).isEqualTo("1");
            assertThat(browser.find("[data-testid=count-rejected]").getText()).isEqualTo("1");
            var error = browser.find("[data-testid=import-error]");
            assertThat(error.getAttribute("data-line")).isEqualTo("3");
            assertThat(error.getText()).contains("REF_AREA").contains("ZZ").contains("CL_AREA");
            browser.assertNoRawKeys();
        }
        finally {
            Files.deleteIfExists(file);
        }
    }
}
