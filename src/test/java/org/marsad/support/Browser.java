package org.marsad.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, started once per test JVM. Without Chromium the tests are skipped with a
 * message, except under {@code CI=true}, where a missing browser is a failure.
 */
public final class Browser {

    private static final Pattern RAW_KEY = Pattern.compile("\\?\\?[\\w.]+\\?\\?|\\?\\?[a-z]+\\.[\\w.]+_[a-z]{2}\\?\\?");
    private static WebDriver driver;

    private final String baseUrl;

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static synchronized Browser at(int port) {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
        }
        Browser browser = new Browser("http://localhost:" + port);
        driver.manage().deleteAllCookies();
        return browser;
    }

    private static WebDriver start() {
        Path chromium = firstExisting(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Path chromedriver = firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String message = "Browser tests need Chromium and ChromeDriver (apt-get install chromium chromium-driver); not found";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " and CI=true");
            }
            Assumptions.abort(message + ", skipping");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=fr");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static Path firstExisting(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public Browser waitFor(String cssSelector) {
        find(cssSelector);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("[data-testid=login-submit]").click();
        find("[data-testid=user-name]");
        return this;
    }

    /** Presses the language switch button, as a person would. */
    public Browser switchTo(String language) {
        find("button[data-lang=" + language + "]").click();
        until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        return this;
    }

    /**
     * Waits until the condition holds, reading the page afresh each time: htmx may replace an element between the
     * moment it is found and the moment it is read, which is not a failure but a page still updating.
     */
    public void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    public String html() {
        return driver.getPageSource();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String attribute(String cssSelector, String attribute) {
        String[] value = new String[1];
        until(d -> {
            value[0] = d.findElement(By.cssSelector(cssSelector)).getAttribute(attribute);
            return true;
        });
        return value[0];
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Fails if a message key that Thymeleaf could not resolve ({@code ??key_fr??}) is on the page. */
    public Browser assertNoRawKeys() {
        var matcher = RAW_KEY.matcher(html());
        if (matcher.find()) {
            Assertions.fail("Raw message key on " + currentUrl() + ": " + matcher.group());
        }
        return this;
    }
}
