package org.helpdesk.browser;

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
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables read well: on a laptop a page of 25 tickets fits on a screen or two with titles on one or two lines, and
 * on a phone every table is a stack of cards that needs no sideways scrolling, hostile titles included.
 */
@ExtendWith(Browser.Available.class)
class TablesInBrowserTest extends FullStackTest {

	private static final List<String> TITLES = List.of("Printer on floor 3 jams on every duplex job",
			"VPN disconnects every hour since the update", "Cannot open invoices attached to customer e-mails",
			"New starter needs a laptop, badge and accounts by Monday", "Outlook keeps asking for the password",
			"Projector in meeting room Rhine shows no picture", "Please reset MFA for my phone, I got a new one",
			"Payroll export to the bank fails with error 0x80070005", "Wi-Fi in the warehouse drops near the loading bay",
			"Request: access to the shared finance folder", "Shop checkout page times out for customers in Austria",
			"See https://intranet.example.com/wiki/IT/Procedures/Onboarding/Checklist?version=42&lang=en for the steps",
			"A".repeat(200), "Zugang zum Donaudampfschifffahrtsgesellschaftskapitänsmützenhalterungsverzeichnis",
			"Monitor flickers when connected through the docking station", "Calendar invites arrive twice",
			"Teams call quality is poor from the home office", "Scanner saves PDFs with the wrong date",
			"CRM shows duplicated contacts after the import on Friday", "Backup job reported 3 failed files last night",
			"Phone extension 4711 forwards to the wrong person", "Printer toner low in accounting",
			"Password expired while on holiday", "Laptop battery swells, the case does not close any more",
			"Keyboard is missing two keys");

	private static final String CUSTOMER = "customer-password-1";

	private long queue;

	private long firstTicket;

	private String customer;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		// "false" switches Spring Boot's mail sender off, so the mails stay in the outbox for its page to list
		registry.add("spring.mail.host", () -> "false");
	}

	@BeforeEach
	void twentyFiveTickets() {
		String slug = unique("it");
		queue = client.createQueue(Map.of("title", "IT Support " + slug, "slug", slug, "allow_public_submission", true));
		customer = unique("customer");
		String email = customer + "@example.test";
		client.createUser(customer, CUSTOMER, "user", email, List.of());
		for (int i = 0; i < TITLES.size(); i++) {
			long id = createTicket(TITLES.get(i), i % 2 == 0 ? email : unique("other") + "@example.test", 1 + i % 5);
			firstTicket = i == 0 ? id : firstTicket;
		}
	}

	@Test
	void onALaptopTwentyFiveTicketsFitOnAboutTwoScreensWithRoomForTheTitles() {
		try (Browser browser = new Browser(client.base(), 1366, 900)) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			browser.open("/tickets?queue=" + queue);
			WebElement table = browser.find(By.id("ticket-table"));
			assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(25);

			assertThat(height(browser, table)).as("height of the 25-row list").isLessThan(2000);
			for (WebElement title : table.findElements(By.cssSelector("tbody td.cell-title"))) {
				assertThat(width(browser, title)).as("width of the title cell of %s", title.getText()).isGreaterThan(200);
			}
			assertThat(browser.scrollsHorizontally()).as("list scrolls sideways").isFalse();
		}
	}

	@Test
	void onAPhoneEveryTableIsAStackOfLabelledCardsAndNothingScrollsSideways() {
		try (Browser browser = phone()) {
			browser.signIn(ADMIN, ADMIN_PASSWORD);
			assertFitsThePhone(browser, "/dashboard");
			assertFitsThePhone(browser, "/tickets?queue=" + queue);
			assertThat(label(browser, "#ticket-table tbody tr:first-child td[data-label]:nth-child(5)"))
				.as("label of the status in a ticket card").contains("Status");
			assertFitsThePhone(browser, "/tickets/" + firstTicket);
			assertFitsThePhone(browser, "/admin/outbox");
			assertFitsThePhone(browser, "/admin/users");
			assertFitsThePhone(browser, "/admin/queues");
			assertFitsThePhone(browser, "/admin/escalation");
			assertFitsThePhone(browser, "/submit");
		}
		try (Browser browser = phone()) {
			browser.signIn(customer, CUSTOMER);
			assertFitsThePhone(browser, "/my-tickets");
		}
	}

	private Browser phone() {
		return new Browser(client.base(), 375, 800);
	}

	/** Neither the page nor any table on it is wider than the screen, and a table's rows are cards. */
	private static void assertFitsThePhone(Browser browser, String path) {
		browser.open(path);
		browser.find(By.id("main"));
		assertThat(number(browser.script("return document.scrollingElement.scrollWidth"))).as("width of %s", path)
			.isLessThanOrEqualTo(375);
		for (WebElement wrapper : browser.driver().findElements(By.cssSelector(".table-responsive"))) {
			assertThat(number(browser.script("return arguments[0].scrollWidth - arguments[0].clientWidth", wrapper)))
				.as("sideways scrolling of a table on %s", path).isLessThanOrEqualTo(1);
		}
		for (WebElement row : browser.driver().findElements(By.cssSelector("table tbody tr"))) {
			assertThat(browser.script("return getComputedStyle(arguments[0]).display", row)).as("a row on %s", path)
				.isNotEqualTo("table-row");
		}
	}

	private static String label(Browser browser, String selector) {
		return (String) browser.script("return getComputedStyle(document.querySelector(arguments[0]), '::before').content",
				selector);
	}

	private static long height(Browser browser, WebElement element) {
		return number(browser.script("return arguments[0].getBoundingClientRect().height", element));
	}

	private static long width(Browser browser, WebElement element) {
		return number(browser.script("return arguments[0].getBoundingClientRect().width", element));
	}

	private static long number(Object value) {
		return Math.round(((Number) value).doubleValue());
	}

	private long createTicket(String title, String submitter, int priority) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", title, "body", "Details: " + title, "priority",
				String.valueOf(priority), "submitter_email", submitter));
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}
}
