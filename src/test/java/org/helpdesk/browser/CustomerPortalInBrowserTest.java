package org.helpdesk.browser;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer using the public portal in a real browser: submitting, following the secret link, replying and
 * accepting a resolution, also on a phone-sized screen.
 */
@ExtendWith(Browser.Available.class)
class CustomerPortalInBrowserTest extends FullStackTest {

	private long queue;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@BeforeEach
	void publicQueue() {
		String slug = unique("portal");
		queue = client.createQueue(Map.of("title", "Public " + slug, "slug", slug, "allow_public_submission", true));
	}

	@Test
	void aCustomerSubmitsRepliesAndAcceptsTheResolution() {
		String email = unique("customer") + "@example.test";
		try (Browser browser = new Browser(client.base())) {
			submit(browser, email, "VPN drops every hour", "Since **Monday** the VPN disconnects.");

			browser.find(By.id("submit-confirmation"));
			String reference = browser.find(By.id("ticket-reference")).getText();
			Clicks.click(browser, By.id("secret-link"));
			assertThat(browser.find(By.id("ticket-title")).getText()).isEqualTo("VPN drops every hour");
			assertThat(browser.find(By.cssSelector("#ticket-description strong")).getText()).isEqualTo("Monday");
			String ref = browser.find(By.id("ticket-ref")).getText();
			assertThat(reference).contains(ref.substring(ref.lastIndexOf(' ') + 1));

			browser.type(By.id("comment"), "It also happens on Wi-Fi");
			Clicks.click(browser, By.cssSelector("#reply-form button[type=submit]"));
			browser.find(By.id("reply-sent"));
			assertThat(browser.find(By.id("followups")).getText()).contains("It also happens on Wi-Fi");

			resolveAsAnAgent(ticketId(ref), "Updated the VPN client");
			browser.driver().navigate().refresh();
			Clicks.click(browser, By.id("accept-button"));
			browser.waitFor(ExpectedConditions.alertIsPresent()).accept();

			browser.find(By.id("accept-done"));
			assertThat(browser.find(By.id("ticket-status")).getText()).contains("Closed");
		}
	}

	@Test
	void theSubmitFormAndTheTicketFitAPhoneScreen() {
		try (Browser browser = new Browser(client.base(), 375, 800)) {
			browser.open("/submit");
			browser.find(By.id("submit-form"));
			assertThat(browser.scrollsHorizontally()).as("submit form scrolls sideways").isFalse();

			submit(browser, unique("phone") + "@example.test", "Cannot print from my phone",
					"The app says `ERR_PRINTER_NOT_REACHABLE_FROM_THIS_NETWORK_SEGMENT` every time.");
			Clicks.click(browser, By.id("secret-link"));
			browser.find(By.id("reply-form"));
			assertThat(browser.scrollsHorizontally()).as("customer view scrolls sideways").isFalse();
		}
	}

	private void submit(Browser browser, String email, String title, String description) {
		browser.open("/submit");
		new Select(browser.find(By.id("queue"))).selectByValue(String.valueOf(queue));
		browser.type(By.id("email"), email);
		browser.type(By.id("title"), title);
		browser.type(By.id("description"), description);
		Clicks.click(browser, By.id("submit-button"));
		browser.find(By.id("submit-confirmation"));
	}

	private void resolveAsAnAgent(long ticket, String resolution) {
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", null, List.of(queue));
		Response resolved = client.legacy("resolve", Map.of("user", agent, "password", "agent-password-1", "ticket",
				String.valueOf(ticket), "resolution", resolution));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
	}

	/** The number after the last dash of a reference such as {@code portal1234-7}. */
	private static long ticketId(String ref) {
		return Long.parseLong(ref.substring(ref.lastIndexOf('-') + 1).trim());
	}
}
