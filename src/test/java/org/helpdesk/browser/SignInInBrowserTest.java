package org.helpdesk.browser;

import java.util.List;

import org.helpdesk.support.Browser;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with a real browser, on a desktop and on a phone-sized screen.
 */
@ExtendWith(Browser.Available.class)
class SignInInBrowserTest extends FullStackTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Test
	void anAgentSignsInAndSeesTheirName() {
		String user = unique("browser");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		try (Browser browser = new Browser(client.base())) {
			browser.signIn(user, "agent-password-1");

			browser.open("/account/settings");
			assertThat(browser.find(By.cssSelector("nav")).getText()).contains(user);
		}
	}

	@Test
	void theSignInPageFitsAPhoneScreen() {
		try (Browser browser = new Browser(client.base(), 375, 800)) {
			browser.open("/login");

			assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
			assertThat(browser.scrollsHorizontally()).isFalse();
		}
	}
}
