package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account that loses access loses it at once, in sessions that are already open: deactivated, deleted, demoted,
 * limited to a queue that is deleted, or given a new password. Over real HTTP, as a person with an open browser
 * would notice.
 */
abstract class LostAccessTests extends AgentOfOneQueue {

	@Test
	void aDeactivatedAgentsOpenSessionReachesNothingAnyMore() {
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		long ticketB = openTicketWithFile(queueB);

		assertThat(client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("active", false)).status()).isEqualTo(200);

		assertOldSessionReachesNothing(session, ticketB);
	}

	@Test
	void aDeletedAgentsOpenSessionReachesNothingAnyMore() {
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		long ticketB = openTicketWithFile(queueB);

		assertThat(client.admin("DELETE", "/api/v1/users/" + agentId, null).status()).isEqualTo(204);

		assertOldSessionReachesNothing(session, ticketB);
	}

	@Test
	void anAgentLimitedToADeletedQueueSeesNoQueueAtAll() {
		String title = unique("elsewhere");
		long ticketB = openTicket(queueB, title);
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);

		assertThat(client.admin("DELETE", "/api/v1/queues/" + queueA, null).status()).isEqualTo(204);

		assertThat(session.get("/tickets/" + ticketB).status()).isEqualTo(404);
		assertThat(session.get("/tickets?status=open").body()).doesNotContain(title);
		assertThat(BrowserlessSession.signedIn(client.base(), agent, PASSWORD).get("/tickets?status=open").body())
			.doesNotContain(title);
		var user = client.admin("GET", "/api/v1/users/" + agentId, null).json();
		assertThat(user.get("all_queues").asBoolean()).isFalse();
		assertThat(user.get("queues")).isEmpty();
	}

	@Test
	void aDemotedAdministratorsOpenSessionLosesTheAdminPagesAndMonitoring() {
		String other = unique("admin");
		long otherId = client.createUser(other, "admin-password-2", "admin", null, List.of());
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), other, "admin-password-2");
		// the page session asks for HTML, which the metrics endpoint cannot give: 406 means it got past security
		assertThat(session.get("/actuator/prometheus").status()).isEqualTo(406);

		client.admin("PATCH", "/api/v1/users/" + otherId, Map.of("role", "agent"));

		assertThat(session.get("/actuator/prometheus").status()).isIn(401, 403);
		assertThat(session.get("/admin/users").status()).isIn(302, 403);
		BrowserlessSession again = BrowserlessSession.signedIn(client.base(), other, "admin-password-2");
		assertThat(again.get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(again.get("/admin/users").status()).isEqualTo(403);
	}

	@Test
	void aPromotedAgentsOpenSessionGetsTheAdminPagesAtOnce() {
		BrowserlessSession session = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		assertThat(session.get("/admin/users").status()).isEqualTo(403);

		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("role", "admin"));

		assertThat(session.get("/admin/users").status()).isEqualTo(200);
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
		BrowserlessSession here = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		BrowserlessSession elsewhere = BrowserlessSession.signedIn(client.base(), agent, PASSWORD);
		String before = here.cookie("SESSION");

		here.get("/account/settings");
		Page changed = here.post("/account/password", Map.of("current", PASSWORD, "next", "new-password-33"));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(here.get("/dashboard").status()).isEqualTo(200);
		assertThat(here.cookie("SESSION")).as("re-issued under a new id").isNotEqualTo(before);
		Page other = elsewhere.get("/dashboard");
		assertThat(other.status()).isEqualTo(302);
		assertThat(other.location()).endsWith("/login");
	}

	@Test
	void theRememberMeCookieIsHttpOnlyAndSameSite() {
		BrowserlessSession session = new BrowserlessSession(client.base());
		Page signedIn = signInRemembered(session, agent, PASSWORD);

		String cookie = signedIn.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
			.flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("remember-me=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void aRememberMeCookieNoLongerSignsInAfterSigningOut() {
		BrowserlessSession session = new BrowserlessSession(client.base());
		signInRemembered(session, agent, PASSWORD);
		RememberedBrowser laptop = new RememberedBrowser(client.base(), session.cookie("remember-me"));
		assertThat(laptop.get("/dashboard").status()).as("the cookie works before").isEqualTo(200);

		session.get("/account/settings");
		assertThat(session.post("/logout", Map.of()).status()).isEqualTo(302);

		Page after = new RememberedBrowser(client.base(), laptop.rememberMe()).get("/dashboard");
		assertThat(after.status()).isEqualTo(302);
		assertThat(after.location()).endsWith("/login");
	}

	@Test
	void aRememberMeCookieOfADeactivatedAccountStaysDeadAfterReactivation() {
		BrowserlessSession session = new BrowserlessSession(client.base());
		signInRemembered(session, agent, PASSWORD);
		String cookie = session.cookie("remember-me");

		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("active", false));
		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("active", true));

		assertThat(new RememberedBrowser(client.base(), cookie).get("/dashboard").status()).isEqualTo(302);
	}

	@Test
	void aNewPasswordSetByAnAdministratorEndsSessionsAndRememberMe() {
		BrowserlessSession session = new BrowserlessSession(client.base());
		signInRemembered(session, agent, PASSWORD);
		String cookie = session.cookie("remember-me");

		client.admin("PATCH", "/api/v1/users/" + agentId, Map.of("password", "set-by-admin-1"));

		assertThat(session.get("/dashboard").status()).isEqualTo(302);
		assertThat(new RememberedBrowser(client.base(), cookie).get("/dashboard").status()).isEqualTo(302);
	}

	@Test
	void anAgentWithoutAllQueuesAndWithoutQueuesUsesNone() {
		String none = unique("none");
		long id = client.createUser(Map.of("username", none, "password", PASSWORD, "role", "agent", "all_queues", false,
				"queues", List.of()));

		assertThat(client.admin("GET", "/api/v1/users/" + id, null).json().get("all_queues").asBoolean()).isFalse();
		assertThat(client.legacy("list_queues", Map.of("user", none, "password", PASSWORD)).body()).isEqualTo("[]");
	}

	@Test
	void allQueuesTogetherWithAQueueListIsRefusedNamingTheField() {
		Response refused = client.admin("POST", "/api/v1/users", Map.of("username", unique("both"), "password",
				PASSWORD, "role", "agent", "all_queues", true, "queues", List.of(queueA)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("queues");
		assertThat(refused.json().get("errors").get(0).get("reason").asString())
			.isEqualTo("must be empty when all_queues is true");
	}

	@Test
	void theUserFormSetsAllQueuesOrNone() {
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/users/" + agentId).body()).contains("name=\"allQueues\"");

		admin.post("/admin/users/" + agentId, Map.of("username", agent, "role", "agent", "allQueues", "true"));
		assertThat(client.legacy("list_queues", Map.of("user", agent, "password", PASSWORD)).body())
			.contains("\"id\":\"" + queueB + "\"");

		admin.get("/admin/users/" + agentId);
		admin.post("/admin/users/" + agentId, Map.of("username", agent, "role", "agent"));
		assertThat(client.legacy("list_queues", Map.of("user", agent, "password", PASSWORD)).body()).isEqualTo("[]");
		assertThat(admin.get("/admin/users").body()).contains("No queues");
	}

	private void assertOldSessionReachesNothing(BrowserlessSession session, long ticketB) {
		long attachment = client.ticket(ticketB).get("followups").get(0).get("attachments").get(0).get("id").asLong();
		Page file = session.get("/tickets/" + ticketB + "/attachments/" + attachment);
		assertThat(file.status()).isEqualTo(302);
		assertThat(file.location()).endsWith("/login");
		assertThat(session.get("/tickets/" + ticketB).status()).isEqualTo(302);

		Page bulk = session.post("/tickets/bulk", Map.of("ticket", String.valueOf(ticketB), "action", "delete"));
		Page reply = session.post("/tickets/" + ticketB + "/reply", Map.of("comment", "from beyond", "status", "open"));

		assertThat(bulk.status()).isIn(302, 403);
		assertThat(reply.status()).isIn(302, 403);
		var ticket = client.ticket(ticketB);
		assertThat(ticket.get("followups")).hasSize(1);
	}

	private long openTicket(long queue, String title) {
		String slug = client.admin("GET", "/api/v1/queues/" + queue, null).json().get("slug").asString();
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				slug, "title", title, "submitter_email", "customer@example.test", "body", "Please help"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}

	private long openTicketWithFile(long queue) {
		String slug = client.admin("GET", "/api/v1/queues/" + queue, null).json().get("slug").asString();
		Response created = client.multipart("/api/create_ticket/", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", slug, "title", "Secret", "submitter_email", "customer@example.test", "body", "see file"),
				List.of(new FilePart("attachment", "notes.txt", "text/plain",
						"secret bytes".getBytes(StandardCharsets.UTF_8))));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}

	private static Page signInRemembered(BrowserlessSession session, String username, String password) {
		session.get("/login");
		Page page = session.post("/login", Map.of("username", username, "password", password, "remember-me", "on"));
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).doesNotContain("/login");
		assertThat(session.cookie("remember-me")).isNotNull();
		return page;
	}
}
