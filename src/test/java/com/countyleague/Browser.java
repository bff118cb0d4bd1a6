package com.countyleague;

import java.io.File;
import java.time.Duration;

import org.htmlunit.BrowserVersion;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser a journey runs in. Headless Chromium from the machine's packages (through its own
 * chromedriver: no Selenium Manager, no downloads) where it is installed; otherwise HtmlUnit, which
 * the build takes from Maven Central, so that every journey runs on a machine with Java only. HtmlUnit
 * runs the pages' scripts but lays nothing out: checks that need a rendering engine go through
 * {@link #chromiumOnly} and are named at the end of the run when they were left out.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;
    private final boolean chromium;

    public Browser(int port) {
        this.chromium = chromiumInstalled();
        ChromiumOnlyChecks.journeyStarted();
        this.driver = chromium ? chromium() : htmlUnit();
        this.baseUrl = "http://localhost:" + port;
    }

    /** Whether this machine has Chromium and its driver: {@code apt-get install -y chromium chromium-driver}. */
    public static boolean chromiumInstalled() {
        return !Boolean.getBoolean("browser.htmlunit")
                && new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    /** The engine journeys run in on this machine, as the run's summary names it. */
    public static String engine() {
        return chromiumInstalled() ? "headless Chromium (" + CHROMIUM + ")" : "HtmlUnit (no Chromium on this machine)";
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=zh-CN", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static WebDriver htmlUnit() {
        BrowserVersion zh = new BrowserVersion.BrowserVersionBuilder(BrowserVersion.CHROME)
                .setBrowserLanguage("zh-CN").setAcceptLanguageHeader("zh-CN,zh;q=0.9").build();
        HtmlUnitDriver driver = new HtmlUnitDriver(zh, true) {
            {
                getWebClient().getOptions().setDownloadImages(true);
                getWebClient().getOptions().setCssEnabled(true);
                getWebClient().getOptions().setThrowExceptionOnScriptError(false);
            }
        };
        return driver;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public void desktopSized() {
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    public void phoneSized() {
        driver.manage().window().setSize(new Dimension(375, 812));
    }

    public void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !path().startsWith("/login"));
    }

    /** Clicks an element once it is visible, scrolled to the middle of the screen first. */
    public void click(By locator) {
        WebElement element = waitFor(locator);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Sets an input's value directly: date and time pickers do not take typed keys the same way in every locale. */
    public void setValue(By locator, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", waitFor(locator), value);
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element shows this text: the page after a form was sent, not the one before it. */
    public void waitForText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(locator, text));
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /**
     * A check only a rendering engine can make: run in Chromium, and where it is absent left out
     * and named in the run's summary ({@link ChromiumOnlyChecks}), never silently.
     */
    public void chromiumOnly(String name, Runnable check) {
        if (chromium) {
            check.run();
        } else {
            ChromiumOnlyChecks.leftOut(name);
        }
    }

    /** The page as it stands is no wider than the window: nothing to scroll sideways on a phone. */
    public void fitsTheWindow(String page) {
        chromiumOnly("no horizontal overflow: " + page + " at " + driver.manage().window().getSize().getWidth() + " px", () -> {
            Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow.intValue() > 0) {
                throw new AssertionError(page + " overflows the window by " + overflow + " px");
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
    }
}
