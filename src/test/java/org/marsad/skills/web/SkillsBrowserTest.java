package org.marsad.skills.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marsad.platform.security.MarsadPrincipal;
import org.marsad.platform.security.UserAccounts;
import org.marsad.skills.SkillsFixtures;
import org.marsad.skills.experts.ExpertsApi;
import org.marsad.support.Browser;
import org.marsad.support.MarsadIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What people do in the browser: an expert signs up in Arabic and describes their skills; an institution posts a
 * demand in French, sees the expert among the matches with the explanation, and contacts them; the expert receives
 * the e-mail, in Arabic.
 */
@MarsadIntegrationTest
class SkillsBrowserTest {

    /** A skill few profiles have, found by its English label (ESCO has no French label for it). */
    static final String SKILL_QUERY = "manage musical staff";

    @LocalServerPort
    int port;

    @Autowired
    SkillsFixtures fx;

    @Autowired
    ExpertsApi experts;

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    UserAccounts accounts;

    Browser browser;
    GreenMail smtp;

    @BeforeEach
    void start() {
        browser = Browser.at(port);
        smtp = new GreenMail(new ServerSetup(mailSender.getPort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private void waitUntil(Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        browser.until(condition);
    }

    /** Types in the skill search box, waits for the suggestion of that label and picks it (the form shows it again). */
    private void addSkill(String query) {
        browser.find("[data-testid=skill-search]").sendKeys(query);
        By wanted = By.xpath("//div[@id='skill-suggestions']//button[@data-testid='suggestion'][contains(normalize-space(.), '" + query + "')]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(wanted).click();
                    return true;
                });
        browser.find("[data-testid=form-skills]");
    }

    @Test
    void anExpertSignsUpInArabicAnInstitutionFindsAndContactsThemAndTheExpertReceivesTheEmail() throws Exception {
        // The expert signs up, in Arabic.
        String username = SkillsFixtures.unique("ar-expert");
        String email = username + "@example.org";
        browser.open("/skills/register").switchTo("ar");
        assertThat(browser.attribute("html", "dir")).isEqualTo("rtl");
        assertThat(browser.find("h1").getText()).isEqualTo("التسجيل كخبير");
        browser.assertNoRawKeys();
        browser.find("#displayName").sendKeys("ليلى الإدريسي");
        browser.find("#username").sendKeys(username);
        browser.find("#email").sendKeys(email);
        browser.find("#password").sendKeys(SkillsFixtures.PASSWORD);
        new Select(browser.find("#country")).selectByValue("FR");
        for (String purpose : new String[] {"PROFILE", "MATCHING", "CONTACT"}) {
            browser.find("[data-testid=consent-" + purpose + "]").click();
        }
        browser.find("[data-testid=register-submit]").click();
        browser.find("[data-testid=welcome]");
        assertThat(browser.attribute("html", "lang")).isEqualTo("ar");
        browser.assertNoRawKeys();

        // …and describes a skill and a language.
        addSkill(SKILL_QUERY);
        new Select(browser.find("[data-testid=new-language]")).selectByValue("fr");
        new Select(browser.find("[data-testid=new-language-level]")).selectByValue("C2");
        browser.find("[data-testid=save]").click();
        browser.find("[data-testid=profile-skills]");
        assertThat(browser.find("[data-testid=notice]").getText()).isEqualTo("تم حفظ الملف.");
        MarsadPrincipal expert = accounts.loadUserByUsername(username).withoutPassword();
        long expertId = fx.as(expert, () -> experts.myId().orElseThrow());
        browser.find("[data-testid=sign-out]").click();

        // An institution posts a demand, in French.
        MarsadPrincipal institution = fx.institution("MA-UM5-FSR", SkillsFixtures.unique("fsr") + "@example.org");
        browser.signIn(institution.username(), SkillsFixtures.PASSWORD);
        browser.open("/skills/demands/new").switchTo("fr");
        String title = "Mission d’expertise " + SkillsFixtures.unique("navigateur");
        browser.find("#titleFr").sendKeys(title);
        browser.find("#descriptionFr").sendKeys("Appui à la direction du personnel musical.");
        new Select(browser.find("[data-testid=sector]")).selectByValue("CULTURE_TOURISM");
        addSkill(SKILL_QUERY);
        browser.find("[data-testid=save]").click();
        assertThat(browser.find("[data-testid=demand-title]").getText()).isEqualTo(title);
        browser.find("[data-testid=publish]").click();
        waitUntil(d -> d.findElement(By.cssSelector("[data-testid=demand-status]")).getText().equals("publiée"));

        // It sees the expert among the matches, with the explanation.
        browser.find("[data-testid=see-matches]").click();
        WebElement match = browser.find("[data-testid=match][data-expert='" + expertId + "']");
        WebElement explanation = match.findElement(By.cssSelector("[data-testid=explanation]"));
        assertThat(explanation.getText()).contains("Compétences essentielles").contains("Langues");
        // The skill was added at the default level "advanced": 95 % of the 40 points, and the explanation says why.
        WebElement skills = explanation.findElement(By.cssSelector("tr[data-criterion=ESSENTIAL_SKILLS]"));
        assertThat(skills.findElement(By.cssSelector("td.num")).getText()).isEqualTo("38,00 / 40");
        assertThat(skills.getText()).contains(SKILL_QUERY).contains("niveau déclaré « avancé »");
        browser.assertNoRawKeys();

        // It retains and contacts the expert.
        match.findElement(By.cssSelector("[data-testid=propose]")).click();
        browser.find("[data-testid=contact-message]").sendKeys("Nous aimerions votre appui pour notre master.");
        browser.find("[data-testid=contact]").click();
        waitUntil(d -> d.findElement(By.cssSelector("[data-testid=mission-state]")).getText().equals("contact pris"));

        // The expert receives the e-mail, in their language.
        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .anyMatch(m -> to(m, email)));
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, email)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("مؤسسة تعرض عليكم بعثة: " + title);
        assertThat(mail.getContent().toString()).contains("Nous aimerions votre appui pour notre master.")
                .contains("/skills/missions/");
    }

    private static boolean to(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
        }
        catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
