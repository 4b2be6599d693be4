package dev.lodestar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium, driven through its own chromedriver (both paths explicit, so
 * Selenium Manager never looks for, let alone downloads, a browser), with the steps every
 * browser test needs. One per test class, started before its first test and quit after its last;
 * before each test it points at the port of the test's Spring context:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = Browser.perClass();
 * </pre>
 *
 * ({@link #start()} and {@link #quit()} remain for a test that needs a second browser.)
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	private static final String CHROMIUM = System.getProperty("lodestar.chromium", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("lodestar.chromedriver", "/usr/bin/chromedriver");

	/** Where screenshots go: {@code app/target/screenshots} unless a test says otherwise. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private WebDriver driver;

	private Path profile;

	private String baseUrl = "http://localhost:8080";

	/** The language a browser of {@link #perClass(String)} starts with; null once started. */
	private final String lang;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.lang = null;
	}

	private Browser(String lang) {
		this.lang = lang;
	}

	/** A browser for a test class (a JUnit extension: {@code @RegisterExtension}), in English. */
	public static Browser perClass() {
		return perClass("en-US");
	}

	/** A browser for a test class whose preferred language is {@code lang}. */
	public static Browser perClass(String lang) {
		return new Browser(lang);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Browser started = start(lang);
		this.driver = started.driver;
		this.profile = started.profile;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			quit();
			driver = null;
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		baseUrl("http://localhost:" + port);
	}

	/** A browser whose preferred language is {@code lang} (e.g. {@code en-US}, {@code zh-CN}). */
	public static Browser start(String lang) {
		try {
			Path profile = Files.createTempDirectory("lodestar-chromium");
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile, "--lang=" + lang);
			var logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			var driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Browser start() {
		return start("en-US");
	}

	public void quit() {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile.toFile());
	}

	public Browser baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	public WebDriver driver() {
		return driver;
	}

	public String url(String path) {
		return baseUrl + path;
	}

	public void open(String path) {
		driver.get(url(path));
	}

	/** Logs out whoever was logged in, then logs {@code user} in (password = user id). */
	public void logIn(String user) {
		open("/login");
		driver.manage().deleteAllCookies();
		open("/login");
		waitFor(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(user);
		driver.findElement(By.id("login")).click();
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), user));
	}

	public void logOut() {
		driver.findElement(By.id("logout")).click();
		waitFor(By.id("username"));
	}

	public WebElement waitFor(By locator) {
		return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits for a condition; an element replaced while it is read (a page re-drawing it) is read again. */
	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	/** The input of a form-js field, by the field's component id in the {@code .form} file. */
	public WebElement formField(String componentId) {
		List<WebElement> inputs = driver.findElements(By.cssSelector("#form [id$='-" + componentId + "']"));
		assertThat(inputs).as("form field " + componentId).isNotEmpty();
		return inputs.get(0);
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Writes a PNG of the current page to {@code target/screenshots/<name>.png} and returns it. */
	public Path screenshot(String name) {
		return screenshot(SCREENSHOTS.resolve(name + ".png"));
	}

	public Path screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Errors the page wrote to the browser console since the last call. */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
