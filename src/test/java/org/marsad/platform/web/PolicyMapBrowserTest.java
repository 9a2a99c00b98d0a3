package org.marsad.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.Role;
import org.marsad.platform.security.TestUsers;
import org.marsad.support.Browser;
import org.marsad.support.MarsadIntegrationTest;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person does in the browser: sign in, read in Arabic, search the documents, follow the crosswalk. */
@MarsadIntegrationTest
class PolicyMapBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.at(port);
    }

    @Test
    void signInSwitchToArabicAndGetARightToLeftPageThatSticks() {
        MarsadPrincipal user = users.create(Role.COORDINATOR, "MA-MDCMREAM");
        browser.signIn(user.username(), TestUsers.PASSWORD);
        browser.open("/frameworks").switchTo("ar");
        assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
        assertThat(browser.find("h1").getText()).isEqualTo("خريطة الالتزامات");
        browser.assertNoRawKeys();

        browser.open("/organisations");
        assertThat(browser.attribute("html", "lang")).isEqualTo("ar");
        browser.assertNoRawKeys();

        // The choice is kept in the profile too: a fresh browser session gets Arabic after signing in.
        browser.driver().manage().deleteAllCookies();
        browser.signIn(user.username(), TestUsers.PASSWORD);
        assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
        browser.switchTo("fr");
    }

    @Test
    void searchTheDocumentsAndOpenAHitAtItsPassage() {
        browser.open("/documents");
        browser.find("[data-testid=doc-search]").sendKeys("étudiants étrangers", Keys.ENTER);
        browser.waitFor("[data-testid=hit]");
        assertThat(browser.find("[data-testid=hit] mark").getText().toLowerCase()).startsWith("étudiant");
        browser.find("[data-testid=hit-link]").click();
        browser.waitFor("[data-testid=cited-range]");
        assertThat(browser.currentUrl()).contains("/documents/").contains("#L");
        String highlighted = browser.find(".passage.hl").getText().toLowerCase();
        assertThat(highlighted).contains("étudiants");
        browser.assertNoRawKeys();
    }

    @Test
    void openPointThirtySevenAndFollowItsLinkToTheCompactsFirstObjective() {
        browser.open("/frameworks");
        browser.find("[data-testid=framework-MP2013]").click();
        browser.find("[data-testid='node-MP2013.37']").click();
        assertThat(browser.find("[data-testid=node-code]").getText()).isEqualTo("MP2013.37");
        assertThat(browser.find("[data-testid=node-text]").getText()).contains("connaissance scientifique");
        browser.find("[data-testid='link-GCM.1']").click();
        assertThat(browser.find("[data-testid=node-code]").getText()).isEqualTo("GCM.1");
        assertThat(browser.all("[data-testid='link-MP2013.37']")).isNotEmpty();
        browser.find("[data-testid=citation]");
        browser.assertNoRawKeys();
    }

    @Test
    void theSourcePassageOfAPointOpensHighlightedInTheDocument() {
        browser.open("/frameworks/MP2013/nodes/MP2013.25");
        browser.find("[data-testid=node-sources] [data-testid=citation]").click();
        String passage = browser.find(".passage.hl").getText();
        assertThat(passage).contains("25.");
    }
}
