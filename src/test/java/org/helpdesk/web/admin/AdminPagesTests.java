package org.helpdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up queues and users through the admin pages, over real HTTP with a signed-in session.
 */
abstract class AdminPagesTests extends FullStackTest {

	private BrowserlessSession admin() {
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		return session;
	}

	private static Map<String, String> queueForm(String title, String slug) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("slug", slug);
		form.put("emailAddress", slug + "@example.test");
		form.put("newTicketCc", "new@example.test");
		form.put("updatedTicketCc", "changed@example.test, boss@example.test");
		form.put("escalateDays", "3");
		form.put("allowPublicSubmission", "true");
		form.put("defaultOwner", "");
		form.put("locale", "de");
		return form;
	}

	private JsonNode queueBySlug(String slug) {
		for (JsonNode queue : client.admin("GET", "/api/v1/queues", null).json()) {
			if (queue.get("slug").asString().equals(slug)) {
				return queue;
			}
		}
		return null;
	}

	private int queueCount() {
		return client.admin("GET", "/api/v1/queues", null).json().size();
	}

	private JsonNode user(long id) {
		return client.admin("GET", "/api/v1/users/" + id, null).json();
	}

	private Response listQueues(String user, String password) {
		return client.legacy("list_queues", Map.of("user", user, "password", password));
	}

	@Test
	void anAdminCreatesEditsAndDeletesAQueueThroughTheForms() {
		BrowserlessSession admin = admin();
		String slug = unique("forms");
		admin.get("/admin/queues/new");

		Page created = admin.post("/admin/queues", queueForm("Billing " + slug, slug));

		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.follow(created).body()).contains("Billing " + slug).contains(slug + "@example.test");
		JsonNode queue = queueBySlug(slug);
		assertThat(queue.get("escalate_days").asInt()).isEqualTo(3);
		assertThat(queue.get("allow_public_submission").asBoolean()).isTrue();
		assertThat(queue.get("allow_email_submission").asBoolean()).isFalse();
		assertThat(queue.get("updated_ticket_cc").asString()).isEqualTo("changed@example.test, boss@example.test");
		long id = queue.get("id").asLong();

		assertThat(admin.get("/admin/queues/" + id).body()).contains("value=\"Billing " + slug + "\"");
		Map<String, String> changed = queueForm("Invoices " + slug, slug);
		changed.remove("allowPublicSubmission");
		changed.put("allowEmailSubmission", "true");
		changed.put("escalateDays", "");
		assertThat(admin.post("/admin/queues/" + id, changed).status()).isEqualTo(302);
		JsonNode edited = queueBySlug(slug);
		assertThat(edited.get("title").asString()).isEqualTo("Invoices " + slug);
		assertThat(edited.get("allow_public_submission").asBoolean()).isFalse();
		assertThat(edited.get("allow_email_submission").asBoolean()).isTrue();

		assertThat(admin.get("/admin/queues/" + id + "/delete").body()).contains("Invoices " + slug);
		Page deleted = admin.post("/admin/queues/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(queueBySlug(slug)).isNull();
		assertThat(admin.get("/admin/queues/" + id).status()).isEqualTo(404);
	}

	@Test
	void aDuplicateSlugReRendersTheFormWithTheReasonAndCreatesNothing() {
		String slug = unique("dup");
		client.createQueue(slug);
		int before = queueCount();
		BrowserlessSession admin = admin();
		admin.get("/admin/queues/new");

		Page page = admin.post("/admin/queues", queueForm("Another " + slug, slug));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"slug-problem\"").contains("is already used by another queue")
			.contains("value=\"Another " + slug + "\"");
		assertThat(queueCount()).isEqualTo(before);
	}

	@Test
	void malformedNumbersComeBackAsProblemsOnTheForm() {
		BrowserlessSession admin = admin();
		admin.get("/admin/queues/new");
		Map<String, String> form = queueForm("Numbers", unique("num"));
		form.put("escalateDays", "three");
		form.put("defaultOwner", "99999999999999999999");

		Page page = admin.post("/admin/queues", form);

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"escalateDays-problem\"").contains("must be a whole number");
		assertThat(queueBySlug(form.get("slug"))).isNull();
	}

	@Test
	void aQueueThatStillHasTicketsIsNotDeleted() {
		String slug = unique("busy");
		long queue = client.createQueue(slug);
		Response ticket = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Still here"));
		assertThat(ticket.status()).isEqualTo(200);
		BrowserlessSession admin = admin();
		admin.get("/admin/queues/" + queue + "/delete");

		Page page = admin.post("/admin/queues/" + queue + "/delete", Map.of());

		assertThat(page.status()).isEqualTo(409);
		assertThat(page.body()).contains("Queue " + slug + " still has tickets");
		assertThat(queueBySlug(slug)).isNotNull();
	}

	@Test
	void anAgentLimitedToOneQueueCanUseOnlyThatQueue() {
		String allowed = unique("allowed");
		String other = unique("other");
		long allowedId = client.createQueue(allowed);
		client.createQueue(other);
		String username = unique("limited");
		BrowserlessSession admin = admin();
		admin.get("/admin/users/new");

		Page created = admin.post("/admin/users?queues=" + allowedId, Map.of("username", username, "password",
				"agent-password-1", "email", username + "@example.test", "firstName", "Lim", "lastName", "Ited",
				"role", "agent"));

		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.follow(created).body()).contains(username).contains("Queue " + allowed);
		Response queues = listQueues(username, "agent-password-1");
		assertThat(queues.status()).isEqualTo(200);
		assertThat(queues.body()).contains("\"" + allowed + "\"").doesNotContain("\"" + other + "\"");
	}

	@Test
	void aResetPasswordReplacesTheOldOneAtOnce() {
		String username = unique("reset");
		long id = client.createUser(username, "old-password-1", "agent", null, List.of());
		assertThat(listQueues(username, "old-password-1").status()).isEqualTo(200);
		BrowserlessSession admin = admin();
		admin.get("/admin/users/" + id + "/password");

		Page tooShort = admin.post("/admin/users/" + id + "/password", Map.of("password", "short"));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body()).contains("must be at least 8 characters");
		assertThat(listQueues(username, "old-password-1").status()).isEqualTo(200);

		Page reset = admin.post("/admin/users/" + id + "/password", Map.of("password", "new-password-2"));

		assertThat(reset.status()).isEqualTo(302);
		assertThat(listQueues(username, "old-password-1").status()).isEqualTo(403);
		assertThat(listQueues(username, "new-password-2").status()).isEqualTo(200);
	}

	@Test
	void anAdminEditsDeactivatesReactivatesAndDeletesAUser() {
		String username = unique("life");
		long id = client.createUser(username, "agent-password-1", "agent", null, List.of());
		BrowserlessSession admin = admin();
		admin.get("/admin/users/" + id);

		Page edited = admin.post("/admin/users/" + id, Map.of("username", username, "email", "", "firstName", "Ann",
				"lastName", "Agent", "role", "user"));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(user(id).get("role").asString()).isEqualTo("user");
		assertThat(user(id).get("first_name").asString()).isEqualTo("Ann");

		admin.get("/admin/users");
		admin.post("/admin/users/" + id + "/active", Map.of("active", "false"));
		assertThat(user(id).get("active").asBoolean()).isFalse();
		admin.get("/admin/users");
		admin.post("/admin/users/" + id + "/active", Map.of("active", "true"));
		assertThat(user(id).get("active").asBoolean()).isTrue();

		admin.get("/admin/users/" + id + "/delete");
		assertThat(admin.post("/admin/users/" + id + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(client.admin("GET", "/api/v1/users/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void theLastActiveAdministratorCannotBeDeactivatedOrDemoted() {
		BrowserlessSession admin = admin();
		long adminId = 0;
		for (JsonNode u : client.admin("GET", "/api/v1/users", null).json()) {
			if (u.get("username").asString().equals(ADMIN)) {
				adminId = u.get("id").asLong();
			}
		}
		admin.get("/admin/users");

		Page refused = admin.post("/admin/users/" + adminId + "/active", Map.of("active", "false"));

		assertThat(admin.follow(refused).body()).contains("The last active administrator cannot be removed");
		assertThat(user(adminId).get("active").asBoolean()).isTrue();

		admin.get("/admin/users/" + adminId);
		Page demoted = admin.post("/admin/users/" + adminId, Map.of("username", ADMIN, "role", "agent"));
		assertThat(demoted.status()).isEqualTo(409);
		assertThat(demoted.body()).contains("The last active administrator cannot be removed");
		assertThat(user(adminId).get("role").asString()).isEqualTo("admin");
	}

	@Test
	void agentsCannotOpenOrPostToAnyAdminPage() {
		long queue = client.createQueue(unique("guarded"));
		String agent = unique("nosy");
		long agentId = client.createUser(agent, "agent-password-1", "agent", null, List.of());
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(agent, "agent-password-1")).isTrue();
		session.get("/account/settings");
		int queuesBefore = queueCount();

		for (String page : List.of("/admin", "/admin/queues", "/admin/queues/new", "/admin/queues/" + queue,
				"/admin/queues/" + queue + "/delete", "/admin/users", "/admin/users/new", "/admin/users/" + agentId,
				"/admin/users/" + agentId + "/password", "/admin/users/" + agentId + "/delete")) {
			assertThat(session.get(page).status()).as(page).isEqualTo(403);
		}
		// a fresh token, so that a refusal below is the role check and not CSRF protection
		session.get("/account/settings");
		for (String action : List.of("/admin/queues", "/admin/queues/" + queue, "/admin/queues/" + queue + "/delete",
				"/admin/users", "/admin/users/" + agentId, "/admin/users/" + agentId + "/active",
				"/admin/users/" + agentId + "/password", "/admin/users/" + agentId + "/delete")) {
			Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "Sneaky", "slug", unique("sneaky"), "role", "admin", "active", "false",
					"password", "taken-over-1", "username", agent));
			assertThat(session.post(action, fields).status()).as(action).isEqualTo(403);
		}

		assertThat(queueCount()).isEqualTo(queuesBefore);
		assertThat(user(agentId).get("role").asString()).isEqualTo("agent");
		assertThat(listQueues(agent, "agent-password-1").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorDemotedAMomentAgoIsRefusedAtOnce() {
		String other = unique("admin");
		long otherId = client.createUser(other, "admin-password-2", "admin", null, List.of());
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(other, "admin-password-2")).isTrue();
		assertThat(session.get("/admin/users").status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + otherId, Map.of("role", "agent"));

		Page page = session.get("/admin/users");
		assertThat(page.status() == 403 || (page.status() == 302 && page.location().endsWith("/login")))
			.as("status %s", page.status()).isTrue();
	}

	@Test
	void hostileQueueTitlesAreShownAsText() {
		String slug = unique("xss");
		BrowserlessSession admin = admin();
		admin.get("/admin/queues/new");

		admin.post("/admin/queues", queueForm("<script>alert('x')</script> " + slug, slug));

		String list = admin.get("/admin/queues").body();
		assertThat(list).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; " + slug)
			.doesNotContain("<script>alert(");
	}

	@Test
	void anUnknownQueueOrUserIsNotFound() {
		BrowserlessSession admin = admin();

		assertThat(admin.get("/admin/queues/987654").status()).isEqualTo(404);
		assertThat(admin.get("/admin/users/987654/password").status()).isEqualTo(404);
	}
}
