package org.helpdesk.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens on the settings page, as a person without a browser uses it (cookies, CSRF token): created
 * and shown once, listed by name and prefix, revoked; customers have none.
 */
abstract class ApiTokenPageTests extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	private static final Pattern TOKEN = Pattern.compile("hd_[A-Za-z0-9]{12}_[A-Za-z0-9]{40}");

	private BrowserlessSession signedIn(String role) {
		String user = unique(role);
		client.createUser(user, PASSWORD, role, user + "@example.test", List.of());
		return BrowserlessSession.signedIn(client.base(), user, PASSWORD);
	}

	private static String tokenIn(Page page) {
		Matcher m = TOKEN.matcher(page.body());
		assertThat(m.find()).as("a token on the page").isTrue();
		return m.group();
	}

	@Test
	void anAgentCreatesATokenSeesItOnceAndRevokesIt() {
		BrowserlessSession agent = signedIn("agent");
		assertThat(agent.get("/account/settings").body()).contains("id=\"api-tokens\"", "You have no API tokens.");

		Page created = agent.post("/account/tokens", Map.of("name", "Nightly <export>", "scopes", "read",
				"expiresInDays", "30"));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).contains("Copy it now", "Nightly &lt;export&gt;").doesNotContain("Nightly <export>");
		String token = tokenIn(created);
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(200);
		Page later = agent.get("/account/settings");
		assertThat(later.body()).contains("Nightly &lt;export&gt;", token.substring(0, 15)).doesNotContain(token)
			.doesNotContain("Copy it now");
		long id = client.bearer("GET", "/api/v1/me/tokens", token, null).json().get(0).get("id").asLong();

		Page revoked = agent.post("/account/tokens/" + id + "/revoke", Map.of());

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(agent.follow(revoked).body()).contains("The token is revoked.", "You have no API tokens.");
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(401);
	}

	@Test
	void anAgentIsOfferedReadAndWriteAndAnAdministratorAlsoAdmin() {
		assertThat(signedIn("agent").get("/account/settings").body()).contains("id=\"scope-read\"", "id=\"scope-write\"")
			.doesNotContain("id=\"scope-admin\"");
		String adminName = unique("admin");
		client.createUser(adminName, PASSWORD, "admin", null, List.of());
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), adminName, PASSWORD);
		assertThat(admin.get("/account/settings").body()).contains("id=\"scope-admin\"");

		String token = tokenIn(admin.post("/account/tokens", Map.of("name", "admin script", "scopes", "admin",
				"expiresInDays", "")));

		assertThat(client.bearer("GET", "/api/v1/queues", token, null).status()).isEqualTo(200);
		// admin covers the administration, not the caller's own tokens, which need read
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/me/tokens", adminName, PASSWORD, null).json().get(0)
			.get("expires_at").isNull()).isTrue();
	}

	@Test
	void aBadFormIsShownAgainWithTheProblemAndCreatesNothing() {
		BrowserlessSession agent = signedIn("agent");
		agent.get("/account/settings");

		Page noName = agent.post("/account/tokens", Map.of("name", " ", "scopes", "read", "expiresInDays", "30"));
		Page noScope = agent.post("/account/tokens", Map.of("name", "x", "expiresInDays", "30"));
		Page adminScope = agent.post("/account/tokens", Map.of("name", "x", "scopes", "admin", "expiresInDays", "30"));
		Page badDays = agent.post("/account/tokens", Map.of("name", "x", "scopes", "read", "expiresInDays", "-1"));
		Page noCsrf = agent.post("/account/tokens", Map.of("name", "x", "scopes", "read", "_csrf", "forged"));

		assertThat(noName.body()).contains("name: is required");
		assertThat(noScope.body()).contains("scopes: must name at least one of read, write");
		assertThat(adminScope.body()).contains("scopes: may only be read, write");
		assertThat(badDays.body()).contains("expires: must be a number of days");
		assertThat(noCsrf.status()).isEqualTo(403);
		assertThat(agent.get("/account/settings").body()).contains("You have no API tokens.");
		assertThat(TOKEN.matcher(noName.body() + noScope.body() + adminScope.body() + badDays.body()).find()).isFalse();
	}

	@Test
	void customersSeeNoTokensAndCannotCreateOne() {
		BrowserlessSession customer = signedIn("user");

		assertThat(customer.get("/account/settings").body()).doesNotContain("api-tokens");
		Page attempt = customer.post("/account/tokens", Map.of("name", "x", "scopes", "read", "expiresInDays", "30"));
		assertThat(TOKEN.matcher(attempt.body()).find()).isFalse();
	}

	@Test
	void theTokenSectionSpeaksGerman() {
		BrowserlessSession agent = signedIn("agent");
		agent.get("/account/settings");
		agent.post("/account/settings", Map.of("language", "de", "timeZone", "Europe/Berlin"));

		Page page = agent.get("/account/settings");

		assertThat(page.body()).contains("API-Tokens", "Sie haben keine API-Tokens.", "Token erstellen", "Bereiche");
	}
}
