package com.groupcare.hub.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromium-driver, as .ci/run installs them. No
 * fallback: without the browser the console's tests fail, they never skip.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + DRIVER + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        try {
            profile = Files.createTempDirectory("console-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // the flags that keep Chromium from reaching out to the internet this machine does not have
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1440,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port;
    }

    Browser signIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("sign-in")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** The element, or a failure that shows the page the browser has (what a person would have seen). */
    WebElement find(By by) {
        try {
            return driver.findElement(by);
        } catch (org.openqa.selenium.NoSuchElementException e) {
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + ":\n" + page.substring(0, Math.min(2000, page.length())), e);
        }
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits for a condition; a live region replaced under the test (stale elements) is looked at again. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Clicks a button whose form asks for confirmation, and accepts it. */
    void clickAndConfirm(By button) {
        driver.findElement(button).click();
        waitUntil(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
    }

    /**
     * A POST the page does not offer (a forged or remembered button): a form made in the page with the
     * user's own session and CSRF token, submitted; returns the page the hub answers with.
     */
    String submitForged(String path) {
        driver.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const token = document.createElement('input');
                token.type = 'hidden';
                token.name = '_csrf';
                token.value = document.querySelector('input[name=_csrf]').value;
                form.appendChild(token);
                document.body.appendChild(form);
                form.submit();""", path);
        waitUntil(d -> !d.findElements(By.id("denied")).isEmpty() || !d.findElements(By.id("notice")).isEmpty());
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A screenshot for docs/console when -Dconsole.screenshots=docs/console is set (the README shows them). */
    void screenshot(String name) {
        String dir = System.getProperty("console.screenshots");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
