package org.helpdesk.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through chromedriver, for tests of the pages as people use them. Without
 * Chromium the browser tests are skipped on a laptop but fail when {@code CI=true} ({@code .ci/run} installs it).
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HELPDESK_TEST_CHROMIUM", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getenv().getOrDefault("HELPDESK_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final WebDriver driver;

	private final String base;

	public Browser(String base, int width, int height) {
		this.base = base;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		this.driver = new ChromeDriver(service, options);
		// headless Chromium keeps a new window at least 500 px wide whatever --window-size says; a resize goes below
		driver.manage().window().setSize(new Dimension(width, height));
	}

	public Browser(String base) {
		this(base, 1280, 900);
	}

	public WebDriver driver() {
		return driver;
	}

	public Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	public WebElement find(By by) {
		return waitFor(d -> d.findElement(by));
	}

	public void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	public void signIn(String username, String password) {
		open("/login");
		type(By.id("username"), username);
		type(By.id("password"), password);
		find(By.cssSelector("#login-form button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** Waits up to 10 s for the condition to yield a value (or true). */
	public <T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition::apply);
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** True when the page is wider than the window, i.e. the reader would have to scroll sideways. */
	public boolean scrollsHorizontally() {
		return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
	}

	/** Chooses the page language in the signed-in person's settings. */
	public void chooseLanguage(String language) {
		open("/account/settings");
		new org.openqa.selenium.support.ui.Select(find(org.openqa.selenium.By.id("language"))).selectByValue(language);
		find(org.openqa.selenium.By.cssSelector("#preferences-form button[type=submit]")).click();
		waitFor(d -> d.getCurrentUrl().contains("saved"));
	}

	/**
	 * With the system property {@code helpdesk.test.screenshots} set to a folder, saves the whole page (the window
	 * made as tall as the page) there as a PNG for a person to look at; without it, does nothing.
	 */
	public void saveScreenshot(String name) {
		String folder = System.getProperty("helpdesk.test.screenshots");
		if (folder == null) {
			return;
		}
		org.openqa.selenium.Dimension window = driver.manage().window().getSize();
		long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), (int) height + 120));
		try {
			java.nio.file.Path file = java.nio.file.Path.of(folder, name);
			java.nio.file.Files.createDirectories(file.getParent());
			java.nio.file.Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver)
				.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		finally {
			driver.manage().window().setSize(window);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

	/** Enables browser tests where Chromium is installed; in CI its absence is an error, not a skip. */
	public static class Available implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium found");
			}
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI=true but Chromium or chromedriver is missing ("
						+ CHROMIUM + ", " + DRIVER + "); .ci/run installs them with apt-get");
			}
			return ConditionEvaluationResult.disabled("Chromium is not installed");
		}
	}
}
