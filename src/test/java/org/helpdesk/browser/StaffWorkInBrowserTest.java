package org.helpdesk.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.Browser;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent working tickets in a real browser: creating, replying, resolving, the keyboard and the filter form on the
 * list, hostile ticket text staying inert, and the staff pages on a phone-sized screen.
 */
@ExtendWith(Browser.Available.class)
class StaffWorkInBrowserTest extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	private static final String PAYLOAD = "<script>window.__xss=1</script> <img src=x onerror=\"window.__xss=1\"> "
			+ "[x](javascript:window.__xss=1)";

	@Autowired
	JdbcClient jdbc;

	private String slug;

	private long queue;

	private String agent;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@BeforeEach
	void queueAndAgent() {
		slug = unique("web");
		queue = client.createQueue(Map.of("title", "Queue " + slug, "slug", slug, "allow_public_submission", true));
		agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of(queue));
	}

	@Test
	void anAgentCreatesATicketRepliesPrivatelyAndPubliclyAndResolvesIt() {
		try (Browser browser = new Browser(client.base())) {
			browser.signIn(agent, PASSWORD);
			browser.open("/tickets/new");
			new Select(browser.find(By.id("new-queue"))).selectByValue(String.valueOf(queue));
			browser.type(By.id("new-title"), "Printer on fire");
			browser.type(By.id("new-description"), "Smoke from **tray 2**");
			Clicks.click(browser, By.id("new-ticket-submit"));

			browser.waitFor(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
			assertThat(browser.find(By.id("ticket-title")).getText()).contains("Printer on fire");
			assertThat(browser.find(By.cssSelector("#ticket-description strong")).getText()).isEqualTo("tray 2");

			reply(browser, "Only for staff: the toner is counterfeit", "reply-private", null);
			WebElement internal = entryContaining(browser, "counterfeit");
			assertThat(internal.getAttribute("data-public")).isEqualTo("false");
			assertThat(internal.getText()).contains("Private");

			reply(browser, "We are sending a technician", "reply-public", null);
			WebElement answer = entryContaining(browser, "technician");
			assertThat(answer.getAttribute("data-public")).isEqualTo("true");

			reply(browser, "Replaced the fuser", "reply-public", "resolved");
			browser.waitFor(d -> d.findElement(By.id("ticket-status")).getText().equals("Resolved"));
			assertThat(browser.find(By.id("ticket-resolution")).getText()).contains("Replaced the fuser");
		}
	}

	@Test
	void pressingJThenEnterOnTheListOpensTheMarkedTicket() {
		long ticket = createTicket("Keyboard only", "No mouse here", null);
		try (Browser browser = new Browser(client.base())) {
			browser.signIn(agent, PASSWORD);
			browser.open("/tickets?queue=" + queue);
			browser.find(By.cssSelector("#ticket-table tr.ticket-row"));

			new Actions(browser.driver()).sendKeys("j").perform();
			WebElement marked = browser.find(By.cssSelector("#ticket-table tr.ticket-row.selected"));
			assertThat(marked.getAttribute("aria-selected")).isEqualTo("true");
			String target = marked.getAttribute("data-href");
			new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

			browser.waitFor(d -> d.getCurrentUrl().endsWith(target));
			assertThat(target).endsWith("/tickets/" + ticket);
			assertThat(browser.find(By.id("ticket-title")).getText()).contains("Keyboard only");
		}
	}

	@Test
	void anAgentFiltersTheListByASubmittersAddressTypedIntoTheFilterForm() {
		String pat = unique("pat") + "@example.test";
		long fromPat = createTicket("Kiosk frozen", "Since this morning", pat);
		createTicket("Kiosk slow", "Since lunch", "other" + pat);
		try (Browser browser = new Browser(client.base())) {
			browser.signIn(agent, PASSWORD);
			browser.open("/tickets?queue=" + queue);
			browser.find(By.cssSelector("#ticket-table tr.ticket-row"));
			assertThat(browser.find(By.cssSelector("label[for=modified-from]")).getText()).isEqualTo("from");

			browser.type(By.id("submitter"), pat.toUpperCase(java.util.Locale.ROOT));
			Clicks.click(browser, By.id("apply-filter"));

			browser.waitFor(d -> d.getCurrentUrl().contains("submitter="));
			assertThat(browser.driver().findElements(By.cssSelector("#ticket-table tr.ticket-row")).stream()
				.map(row -> row.getAttribute("data-ticket-id"))).containsExactly(String.valueOf(fromPat));
			assertThat(browser.find(By.id("submitter")).getAttribute("value")).isEqualTo(pat);

			// the form with its new fields, as people see it on a laptop and a phone, in English and German
			for (String language : List.of("en", "de")) {
				browser.chooseLanguage(language);
				for (int width : List.of(1366, 375)) {
					browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
					browser.open("/tickets?queue=" + queue + "&submitter=" + pat);
					browser.find(By.cssSelector("#ticket-table tr.ticket-row"));
					assertThat(browser.scrollsHorizontally()).as("%s at %d px", language, width).isFalse();
					browser.saveScreenshot("list-filter-" + language + "-" + width + ".png");
				}
			}
			browser.chooseLanguage("en");
		}
	}

	@Test
	void hostileTicketTextStaysInertOnStaffAndCustomerPages() {
		String email = unique("victim") + "@example.test";
		long ticket = createTicket("Title " + PAYLOAD, "Description " + PAYLOAD, email);
		Response followUp = client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket), "message", "Comment " + PAYLOAD, "public", "y"));
		assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);

		try (Browser browser = new Browser(client.base())) {
			browser.signIn(agent, PASSWORD);
			browser.open("/tickets/" + ticket);
			entryContaining(browser, "Comment");
			assertInert(browser);
			assertThat(browser.find(By.id("ticket-title")).getText()).contains("<script>window.__xss=1</script>");
			clickEveryLinkIn(browser, "/tickets/" + ticket, "#timeline .rendered a, #ticket-description a");

			browser.open("/tickets?queue=" + queue);
			browser.find(By.cssSelector("#ticket-table tr.ticket-row"));
			assertInert(browser);

			String view = customerView(ticket, email);
			browser.open(view);
			browser.waitFor(d -> d.findElement(By.id("followups")).getText().contains("Comment"));
			assertInert(browser);
			clickEveryLinkIn(browser, view, "#followups .rendered a, #ticket-description a");
		}
	}

	@Test
	void theOriginalHtmlOfAMailStaysInertWhenShown() {
		String sender = unique("mailer") + "@example.test";
		String mail = "From: <" + sender + ">\r\nTo: help@example.test\r\nSubject: HTML only\r\nMessage-ID: <"
				+ unique("m") + "@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
				+ "<p>Hello <b>from HTML</b></p>" + PAYLOAD.replace("[x](javascript:window.__xss=1)",
						"<a href=\"javascript:window.__xss=1\">x</a><svg onload=\"window.__xss=1\"></svg>") + "\r\n";
		Response pushed = client.raw("/api/v1/mail/inbound?queue=" + slug, "message/rfc822",
				mail.getBytes(StandardCharsets.UTF_8), org.helpdesk.support.HelpdeskClient.basic(ADMIN, ADMIN_PASSWORD));
		assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
		long ticket = pushed.json().get("ticket_id").asLong();

		try (Browser browser = new Browser(client.base())) {
			browser.signIn(agent, PASSWORD);
			browser.open("/tickets/" + ticket);
			Clicks.click(browser, By.cssSelector("[data-testid=original-link]"));
			browser.waitFor(d -> d.findElement(By.id("original-html")).getText().contains("Hello from HTML"));
			assertInert(browser);
			assertThat(browser.driver().findElements(By.cssSelector("#original-html svg, #original-html img"))).isEmpty();
		}
	}

	@Test
	void theStaffPagesFitAPhoneScreen() {
		long ticket = createTicket("A rather long title that has to wrap on a small phone screen somehow",
				"Description with a long word Donaudampfschifffahrtsgesellschaftskapitänsmützenhalterung", null);
		try (Browser browser = new Browser(client.base(), 375, 800)) {
			browser.signIn(agent, PASSWORD);

			browser.open("/tickets?queue=" + queue);
			browser.find(By.id("ticket-table"));
			assertThat(browser.scrollsHorizontally()).as("ticket list scrolls sideways").isFalse();

			browser.open("/tickets/" + ticket);
			browser.find(By.id("reply-form"));
			assertThat(browser.scrollsHorizontally()).as("ticket page scrolls sideways").isFalse();
		}
	}

	private static void reply(Browser browser, String comment, String visibility, String status) {
		browser.type(By.id("reply-comment"), comment);
		Clicks.click(browser, By.id(visibility));
		if (status != null) {
			new Select(browser.find(By.id("reply-status"))).selectByValue(status);
		}
		WebElement submit = Clicks.click(browser, By.id("reply-submit"));
		// the page reloads after the post: wait until the old form is gone and the new timeline shows the reply
		browser.waitFor(d -> isStale(submit));
		entryContaining(browser, comment);
	}

	private static boolean isStale(WebElement element) {
		try {
			element.isDisplayed();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			// stale, or (mid-navigation, as Chromium sometimes says it) "does not belong to the document"
			return true;
		}
	}

	private static WebElement entryContaining(Browser browser, String text) {
		return browser.waitFor(d -> d.findElements(By.cssSelector("#timeline [data-testid=timeline-entry]")).stream()
			.filter(e -> e.getText().contains(text))
			.findFirst()
			.orElse(null));
	}

	/** Clicks each link the page rendered from ticket text, coming back to the page after each one. */
	private static void clickEveryLinkIn(Browser browser, String page, String selector) {
		int count = browser.driver().findElements(By.cssSelector(selector)).size();
		for (int i = 0; i < count; i++) {
			browser.open(page);
			List<WebElement> links = browser.waitFor(d -> d.findElements(By.cssSelector(selector)));
			WebElement link = links.get(i);
			String href = link.getAttribute("href");
			assertThat(href == null ? "" : href.trim().toLowerCase()).doesNotStartWith("javascript:");
			if (link.isDisplayed()) {
				Clicks.click(browser, link);
			}
			assertInert(browser);
		}
	}

	private static void assertInert(Browser browser) {
		assertThat(alertOpen(browser.driver())).as("an alert is open").isFalse();
		assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
		// the Content-Security-Policy alone would stop the payloads, so also check that none reached the DOM
		assertThat(browser.driver().findElements(By.cssSelector("a[href^='javascript' i]"))).isEmpty();
		assertThat(browser.driver().findElements(By.cssSelector("[onerror], .rendered script, h1 script, td script")))
			.isEmpty();
	}

	private static boolean alertOpen(WebDriver driver) {
		try {
			driver.switchTo().alert();
			return true;
		}
		catch (NoAlertPresentException ex) {
			return false;
		}
	}

	private long createTicket(String title, String body, String submitter) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "body", body, "priority", "3"));
		if (submitter != null) {
			fields.put("submitter_email", submitter);
		}
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}

	private String customerView(long ticket, String email) {
		String key = jdbc.sql("select secret_key from ticket where id = ?").param(ticket).query(String.class).single();
		return "/view/?ticket=" + enc(slug + "-" + ticket) + "&email=" + enc(email) + "&key=" + enc(key);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
