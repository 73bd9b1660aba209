package org.helpdesk.web;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the forms: the CSRF cookie planted before sign-in, a token carried to another browser, a number where
 * the user API wants a yes or no, and Markdown nested thousands deep.
 */
abstract class ReviewedFormsTests extends FullStackTest {

	@Test
	void signingInReplacesTheCsrfTokenTheVisitorHad() {
		String user = unique("rotate");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		BrowserlessSession browser = new BrowserlessSession(client.base());
		browser.get("/login");
		String planted = browser.cookie("XSRF-TOKEN");

		assertThat(browser.signIn(user, "agent-password-1")).isTrue();
		browser.get("/dashboard");

		assertThat(browser.cookie("XSRF-TOKEN")).isNotNull().isNotEqualTo(planted);
	}

	@Test
	void aTokenFromOneVisitorDoesNotSignInAnotherBrowser() {
		String user = unique("carried");
		client.createUser(user, "agent-password-1", "agent", null, List.of());
		BrowserlessSession attacker = new BrowserlessSession(client.base());
		String token = tokenOf(attacker.get("/login").body());

		Page victim = new BrowserlessSession(client.base()).post("/login",
				Map.of("username", user, "password", "agent-password-1", "_csrf", token));

		assertThat(victim.status()).isEqualTo(403);
	}

	@Test
	void aHostileAllQueuesValueIsA400NamingTheField() {
		for (String value : List.of("\"yes\"", "1", "[]", "{}")) {
			Response response = client.request("POST", "/api/v1/users", ADMIN, ADMIN_PASSWORD,
					"{\"username\":\"" + unique("aq") + "\",\"password\":\"long-password-1\",\"role\":\"agent\","
							+ "\"all_queues\":" + value + "}");
			assertThat(response.status()).as(value).isEqualTo(400);
			assertThat(response.body()).as(value).contains("all_queues");
		}
	}

	@Test
	void hostileMarkdownInAReplyLeavesTheTicketPageReadable() {
		long queue = client.createQueue(unique("md"));
		String slug = client.admin("GET", "/api/v1/queues/" + queue, null).json().get("slug").asString();
		long ticket = Long.parseLong(client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", slug, "title", "Markdown", "submitter_email", "c@example.test", "body", "hi")).body().trim());
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		for (String text : List.of("a\u0000b", "[".repeat(50_000) + "x" + "](".repeat(10_000),
				"> ".repeat(20_000) + "deep", "*".repeat(60_000), "#1 " + "[#2](#3) ".repeat(5_000))) {
			admin.get("/tickets/" + ticket);
			Page reply = admin.post("/tickets/" + ticket + "/reply",
					Map.of("comment", text, "visibility", "private", "status", "open"));
			assertThat(reply.status()).as(text.substring(0, Math.min(10, text.length()))).isIn(200, 302, 400);
			assertThat(admin.get("/tickets/" + ticket).status()).as(text.substring(0, Math.min(10, text.length()))).isEqualTo(200);
		}
	}

	@Test
	void aReplySentTwiceFromTheSamePageIsSavedOnce() {
		long queue = client.createQueue(unique("twice"));
		String slug = client.admin("GET", "/api/v1/queues/" + queue, null).json().get("slug").asString();
		long ticket = Long.parseLong(client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", slug, "title", "Twice", "submitter_email", "c@example.test", "body", "hi")).body().trim());
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		var version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"")
			.matcher(admin.get("/tickets/" + ticket).body());
		assertThat(version.find()).isTrue();
		Map<String, String> form = Map.of("comment", "Only once please", "visibility", "public", "status", "open",
				"version", version.group(1));

		admin.post("/tickets/" + ticket + "/reply", form);
		admin.post("/tickets/" + ticket + "/reply", form);

		assertThat(client.ticket(ticket).toString().split("Only once please", -1)).hasSize(2);
	}

	private static String tokenOf(String html) {
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
