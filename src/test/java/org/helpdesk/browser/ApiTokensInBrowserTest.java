package org.helpdesk.browser;

import java.io.IOException;
import java.util.List;

import org.helpdesk.support.Browser;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens on the settings page in a real browser, on a laptop and on a phone, in English and German:
 * the new token is shown once and works, the list fits the screen, revoking works. With the system property
 * {@code helpdesk.test.screenshots} set to a folder, the test saves each view there as a PNG for a person to look at.
 */
@ExtendWith(Browser.Available.class)
class ApiTokensInBrowserTest extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Test
	void anAgentCreatesTokensOnALaptopAndAPhoneInEnglishAndGermanAndRevokesOne() throws IOException {
		String agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", agent + "@example.test", List.of());
		try (Browser browser = new Browser(client.base(), 1366, 900)) {
			browser.signIn(agent, PASSWORD);
			for (String language : List.of("en", "de")) {
				browser.chooseLanguage(language);
				String laptop = create(browser, "Nightly export " + language, true);
				assertThat(client.bearer("POST", "/api/v1/tickets/999999/ccs", laptop, "{\"email\":\"x@example.test\"}")
					.status()).as("a write token reaches the ticket").isEqualTo(404);
				browser.saveScreenshot("tokens-" + language + "-1366.png");

				browser.driver().manage().window().setSize(new Dimension(375, 800));
				create(browser, "Phone " + language, false);
				assertThat(browser.scrollsHorizontally()).as("phone, %s", language).isFalse();
				browser.saveScreenshot("tokens-" + language + "-375.png");
				browser.driver().manage().window().setSize(new Dimension(1366, 900));
			}

			browser.open("/account/settings");
			Clicks.click(browser, By.cssSelector("#token-table button.btn-outline-danger"));

			browser.waitFor(d -> d.getCurrentUrl().contains("revoked"));
			assertThat(browser.find(By.id("api-tokens")).getText()).contains("Das Token ist widerrufen.");
			assertThat(browser.driver().findElements(By.cssSelector("#token-table tbody tr"))).hasSize(3);
		}
	}

	/** Creates a token through the form; answers its value as the page shows it. */
	private static String create(Browser browser, String name, boolean write) {
		browser.open("/account/settings");
		browser.type(By.id("token-name"), name);
		if (write) {
			Clicks.click(browser, By.id("scope-write"));
		}
		new Select(browser.find(By.id("token-expires"))).selectByValue("90");
		Clicks.click(browser, By.cssSelector("#token-form button[type=submit]"));
		String value = browser.find(By.cssSelector("[data-testid=token-value]")).getText();
		assertThat(value).matches("hd_[A-Za-z0-9]{12}_[A-Za-z0-9]{40}");
		assertThat(browser.find(By.id("token-table")).getText()).contains(name).doesNotContain(value);
		return value;
	}
}
