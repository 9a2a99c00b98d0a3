package org.marsad.measures;

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
import org.openqa.selenium.support.ui.Select;
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

/** The gap matrix in the browser, and a focal point editing its own measure and refused another's. */
@MarsadIntegrationTest
class MeasuresBrowserTest {

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
    void theGapMatrixShowsTheGapsAndFollowsTheChosenTargetGroup() {
        browser.open("/measures").switchTo("fr");
        browser.find("[data-testid=gaps-link]").click();
        browser.waitFor("[data-testid=gap-matrix]");
        assertThat(browser.attribute("[data-testid='cell-DURING-DESTINATION_INFO_PROTECTION']", "class")).contains("gap");
        assertThat(browser.attribute("[data-testid='cell-PRE_DEPARTURE-PRE_DEPARTURE_TRAINING']", "data-count")).isEqualTo("3");
        assertThat(browser.all("[data-testid=models-without] li[data-code=SKILLS_RECOGNITION]")).hasSize(1);
        assertThat(browser.find("[data-testid='point-MP2013.6']").getText())
                .contains(messages.getMessage("measures.gaps.noMeasure", null, Locale.FRENCH));

        new Select(browser.find("[data-testid=gap-group]")).selectByValue("WOMEN");
        wait(d -> "2".equals(d.findElement(By.cssSelector("[data-testid='cell-PRE_DEPARTURE-PRE_DEPARTURE_TRAINING']"))
                .getAttribute("data-count")));
        assertThat(browser.currentUrl()).contains("targetGroup=WOMEN");
        assertThat(browser.attribute("[data-testid='cell-DURING-SKILLS_CAPITALISATION']", "class")).contains("gap");
        browser.assertNoRawKeys();

        browser.switchTo("ar");
        assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
        assertThat(browser.find("h1").getText()).isEqualTo("مصفوفة الثغرات");
        browser.assertNoRawKeys();
        browser.switchTo("fr");
    }

    @Test
    void aFocalPointEditsItsOrganisationsMeasureAndIsRefusedAnothers() throws Exception {
        MarsadPrincipal admin = users.create(Role.ADMIN);
        String own = create(admin, "IOM");
        String other = create(admin, "MA-ANAPEC");
        MarsadPrincipal focalPoint = users.create(Role.FOCAL_POINT, "IOM");
        browser.signIn(focalPoint.username(), TestUsers.PASSWORD);

        browser.open("/measures/MISMES-1").switchTo("fr");
        assertThat(browser.find("[data-testid=activities]").getText()).contains("Pré-sélection des travailleurs migrants demandés");
        assertThat(browser.all("[data-testid=activities] li")).hasSize(3);
        browser.open("/measures/" + own);
        browser.find("[data-testid=edit-measure]").click();
        new Select(browser.find("#evaluation")).selectByValue("EVALUATED");
        browser.find("#beneficiariesMin").clear();
        browser.find("#beneficiariesMin").sendKeys("twelve");
        browser.find("[data-testid=save-measure]").click();
        // A bad number comes back on its field; the rest of the form is kept.
        assertThat(browser.find("[data-testid=form-errors]").getText()).isNotBlank();
        assertThat(new Select(browser.find("#evaluation")).getFirstSelectedOption().getAttribute("value")).isEqualTo("EVALUATED");
        browser.find("#beneficiariesMin").clear();
        browser.find("#beneficiariesMin").sendKeys("12");
        browser.find("[data-testid=save-measure]").click();
        assertThat(browser.find("[data-testid=evaluation]").getText())
                .isEqualTo(messages.getMessage("measures.evaluation.EVALUATED", null, Locale.FRENCH));
        assertThat(browser.find("[data-testid=history]").getText()).contains(focalPoint.username());

        browser.open("/measures/" + other);
        assertThat(browser.all("[data-testid=edit-measure]")).isEmpty();
        browser.open("/measures/" + other + "/edit");
        assertThat(browser.find("h1").getText()).isEqualTo(messages.getMessage("problem.title.403", null, Locale.FRENCH));
        assertThat(browser.all("[data-testid=measure-form]")).isEmpty();
        browser.assertNoRawKeys();

        for (String code : new String[] {own, other}) {
            mvc.perform(post("/api/v1/measures/" + code + "/withdrawal").with(as(admin)).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"test done\"}")).andExpect(status().isOk());
        }
    }

    private String create(MarsadPrincipal admin, String implementer) throws Exception {
        String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/measures").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code": "%s", "title": {"fr": "Mesure du navigateur"}, "phase": "RETURN", "models": ["AVRR"],
                         "targetGroups": ["RETURNEES"], "implementers": ["%s"], "evaluation": "NOT_EVALUATED"}
                        """.formatted(code, implementer))).andExpect(status().isCreated());
        return code;
    }

    private void wait(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.until(condition);
    }
}
