package org.helpdesk.restapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API under /api/v1 over real HTTP: queue and user administration, its problem details, who may call it,
 * and the ticket representation.
 */
@DirtiesContext
abstract class AdminApiTests extends FullStackTest {

	static final String PASSWORD = "agent-password-1";

	private Response admin(String method, String path, String json) {
		return client.request(method, path, ADMIN, ADMIN_PASSWORD, json);
	}

	/** The {field: reason} pairs of a 400 problem detail. */
	private static Map<String, String> errors(Response response) {
		return response.fieldErrors();
	}

	private Response createQueue(String json) {
		return admin("POST", "/api/v1/queues", json);
	}

	@Test
	void queuesAreCreatedReadChangedAndDeleted() {
		String slug = unique("billing");

		Response created = createQueue("{\"title\":\"Billing\",\"slug\":\"" + slug + "\",\"email_address\":\"billing@example.test\"}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(id).isPositive();
		assertThat(created.json().get("email_address").asString()).isEqualTo("billing@example.test");
		assertThat(admin("GET", "/api/v1/queues/" + id, null).json().get("slug").asString()).isEqualTo(slug);
		Response changed = admin("PATCH", "/api/v1/queues/" + id, "{\"title\":\"Invoices\",\"escalate_days\":3}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("title").asString()).isEqualTo("Invoices");
		assertThat(changed.json().get("slug").asString()).isEqualTo(slug);
		assertThat(changed.json().get("escalate_days").asInt()).isEqualTo(3);
		assertThat(admin("GET", "/api/v1/queues", null).json()).extracting(q -> q.get("id").asLong()).contains(id);
		assertThat(admin("DELETE", "/api/v1/queues/" + id, null).status()).isEqualTo(204);
		assertThat(admin("GET", "/api/v1/queues/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void badQueueFieldsAreListedWithTheirReasons() {
		Map<String, String> errors = errors(createQueue("{\"title\":\"X\",\"slug\":\"Not A Slug!\",\"email_address\":\"nope\"}"));

		assertThat(errors).containsOnlyKeys("slug", "email_address");
	}

	@Test
	void aDuplicateSlugIsRefused() {
		String slug = unique("dup");
		client.createQueue(slug);

		assertThat(errors(createQueue("{\"title\":\"Again\",\"slug\":\"" + slug + "\"}")))
			.containsEntry("slug", "is already used by another queue");
	}

	@Test
	void aNumberFieldWithTextOrAHugeNumberIsNamedInTheProblem() {
		String slug = unique("esc");

		assertThat(errors(createQueue("{\"title\":\"T\",\"slug\":\"" + slug + "\",\"escalate_days\":\"abc\"}")))
			.containsOnlyKeys("escalate_days");
		assertThat(errors(createQueue("{\"title\":\"T\",\"slug\":\"" + slug + "\",\"escalate_days\":99999999999999999999}")))
			.containsOnlyKeys("escalate_days");
		assertThat(errors(createQueue("{\"title\":\"T\",\"slug\":\"" + slug + "\",\"escalate_days\":100000}")))
			.containsOnlyKeys("escalate_days");
	}

	@Test
	void malformedJsonIsABadRequestAboutTheBody() {
		assertThat(errors(createQueue("{\"title\": "))).containsOnlyKeys("body");
	}

	@Test
	void unknownIdsAreNotFound() {
		assertThat(admin("GET", "/api/v1/queues/999999", null).status()).isEqualTo(404);
		assertThat(admin("PATCH", "/api/v1/queues/999999", "{\"title\":\"x\"}").status()).isEqualTo(404);
		assertThat(admin("DELETE", "/api/v1/queues/999999", null).status()).isEqualTo(404);
		assertThat(admin("GET", "/api/v1/users/999999", null).status()).isEqualTo(404);
		assertThat(admin("GET", "/api/v1/tickets/999999", null).status()).isEqualTo(404);
		assertThat(admin("GET", "/api/v1/queues/abc", null).status()).isEqualTo(400);
	}

	@Test
	void aQueueThatStillHasTicketsCannotBeDeleted() {
		long queue = client.createQueue(unique("busy"));
		client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue", String.valueOf(queue),
				"title", "Keeps the queue busy"));

		Response response = admin("DELETE", "/api/v1/queues/" + queue, null);

		assertThat(response.status()).isEqualTo(409);
		assertThat(admin("GET", "/api/v1/queues/" + queue, null).status()).isEqualTo(200);
	}

	@Test
	void aQueuesDefaultOwnerMustBeAnActiveAgentAndAUnknownOneIsNamed() {
		long queue = client.createQueue(unique("owned"));
		long agent = client.createUser(unique("agent"), PASSWORD, "agent", null, List.of());
		long customer = client.createUser(unique("customer"), PASSWORD, "user", null, List.of());
		long leaver = client.createUser(unique("leaver"), PASSWORD, "agent", null, List.of());
		assertThat(admin("PATCH", "/api/v1/users/" + leaver, "{\"active\":false}").status()).isEqualTo(200);

		for (long notAnAgent : List.of(customer, leaver, 999999L)) {
			assertThat(errors(admin("PATCH", "/api/v1/queues/" + queue, "{\"default_owner\":" + notAnAgent + "}")))
				.containsEntry("default_owner", "must be the id of an active agent");
		}
		Response owned = admin("PATCH", "/api/v1/queues/" + queue, "{\"default_owner\":" + agent + "}");
		assertThat(owned.status()).as(owned.body()).isEqualTo(200);
		assertThat(owned.json().get("default_owner").asLong()).isEqualTo(agent);
	}

	@Test
	void usersAreCreatedWithoutEverShowingAPasswordOrHash() {
		long queue = client.createQueue(unique("uq"));
		String username = unique("ada");

		Response created = admin("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
				+ "\",\"email\":\"ada@example.test\",\"role\":\"agent\",\"queues\":[" + queue + "]}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode user = created.json();
		assertThat(user.get("id").asLong()).isPositive();
		assertThat(user.get("username").asString()).isEqualTo(username);
		assertThat(user.get("role").asString()).isEqualTo("agent");
		assertThat(user.get("queues")).extracting(JsonNode::asLong).containsExactly(queue);
		Response read = admin("GET", "/api/v1/users/" + user.get("id").asLong(), null);
		Response list = admin("GET", "/api/v1/users", null);
		for (Response response : List.of(created, read, list)) {
			assertThat(response.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password")
				.doesNotContainIgnoringCase("hash").doesNotContain("$2a$");
		}
	}

	@Test
	void badUserFieldsAreRefused() {
		String username = unique("bob");
		client.createUser(username, PASSWORD, "agent", null, List.of());

		assertThat(errors(admin("POST", "/api/v1/users", "{\"username\":\"" + unique("u") + "\",\"password\":\"short\"}")))
			.containsOnlyKeys("password");
		assertThat(errors(admin("POST", "/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}")))
			.containsEntry("username", "is already taken");
		assertThat(errors(admin("POST", "/api/v1/users", "{\"username\":\"" + unique("u") + "\",\"password\":\"" + PASSWORD
				+ "\",\"role\":\"superuser\"}"))).containsOnlyKeys("role");
		assertThat(errors(admin("POST", "/api/v1/users", "{\"username\":\"" + unique("u") + "\",\"password\":\"" + PASSWORD
				+ "\",\"queues\":[999999]}"))).containsOnlyKeys("queues");
	}

	@Test
	void theLastAdministratorCanBeNeitherDeletedNorDemotedNorDeactivated() {
		long adminId = StreamSupport.stream(admin("GET", "/api/v1/users", null).json().spliterator(), false)
			.filter(u -> u.get("username").asString().equals(ADMIN)).findFirst().orElseThrow().get("id").asLong();
		String second = unique("second");
		long secondId = client.createUser(second, PASSWORD, "admin", null, List.of());
		assertThat(admin("DELETE", "/api/v1/users/" + secondId, null).status()).isEqualTo(204);

		assertThat(admin("DELETE", "/api/v1/users/" + adminId, null).status()).isEqualTo(409);
		assertThat(admin("PATCH", "/api/v1/users/" + adminId, "{\"role\":\"agent\"}").status()).isEqualTo(409);
		assertThat(admin("PATCH", "/api/v1/users/" + adminId, "{\"active\":false}").status()).isEqualTo(409);
		assertThat(admin("GET", "/api/v1/users/" + adminId, null).json().get("role").asString()).isEqualTo("admin");
	}

	@Test
	void agentsMayNotAdministerAndAnonymousCallersMustAuthenticate() {
		String agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of());

		assertThat(client.request("GET", "/api/v1/queues", agent, PASSWORD, null).status()).isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/users", agent, PASSWORD, null).status()).isEqualTo(403);
		assertThat(client.request("POST", "/api/v1/queues", agent, PASSWORD, "{\"title\":\"x\",\"slug\":\"" + unique("x") + "\"}")
			.status()).isEqualTo(403);
		Response anonymous = client.request("GET", "/api/v1/queues", null, null, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(client.request("GET", "/api/v1/users", ADMIN, "wrong-password", null).status()).isEqualTo(401);
	}

	@Test
	void anAgentReadsTicketsOfItsQueuesOnly() {
		long mine = client.createQueue(unique("mine"));
		long other = client.createQueue(unique("other"));
		String agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of(mine));
		long visible = open(mine, "Visible");
		long hidden = open(other, "Hidden");

		assertThat(client.request("GET", "/api/v1/tickets/" + visible, agent, PASSWORD, null).status()).isEqualTo(200);
		Response refused = client.request("GET", "/api/v1/tickets/" + hidden, agent, PASSWORD, null);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("Hidden");
	}

	private long open(long queue, String title) {
		Response response = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", String.valueOf(queue), "title", title, "body", "Details", "submitter_email", "sue@example.test"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body());
	}

	private void legacy(String method, long ticket, String... keyValues) {
		Map<String, String> fields = new HashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket)));
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(keyValues[i], keyValues[i + 1]);
		}
		assertThat(client.legacy(method, fields).body()).isEqualTo("OK");
	}

	@Test
	void aTicketIsShownInSnakeCaseWithItsFollowUpsOldestFirst() {
		String slug = unique("snake");
		long queue = client.createQueue(slug);
		long id = open(queue, "Snake case");
		legacy("add_followup", id, "message", "first", "public", "y");
		legacy("hold_ticket", id);
		legacy("add_followup", id, "message", "second");
		legacy("resolve", id, "resolution", "done");

		JsonNode ticket = client.ticket(id);

		assertThat(iterable(ticket.propertyNames())).contains("id", "ref", "queue", "title", "description",
				"resolution", "submitter_email", "assigned_to", "status", "priority", "on_hold", "due_date", "created",
				"modified", "followups");
		assertThat(iterable(ticket.propertyNames())).noneMatch(name -> name.matches(".*[A-Z].*"));
		assertThat(ticket.get("ref").asString()).isEqualTo(slug + "-" + id);
		assertThat(ticket.get("submitter_email").asString()).isEqualTo("sue@example.test");
		assertThat(ticket.get("created").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
		JsonNode followUps = ticket.get("followups");
		assertThat(followUps).extracting(f -> f.get("title").asString()).containsExactly("Ticket Opened",
				"Comment Added", "Ticket placed on hold", "Comment Added", "Resolved");
		assertThat(followUps).extracting(f -> java.time.Instant.parse(f.get("date").asString())).isSorted();
		assertThat(followUps).extracting(f -> f.get("id").asLong()).isSorted();
		for (JsonNode followUp : followUps) {
			assertThat(iterable(followUp.propertyNames())).contains("id", "date", "title", "comment", "public", "user",
				"new_status");
		}
		assertThat(followUps.get(1).get("public").asBoolean()).isTrue();
		assertThat(followUps.get(3).get("public").asBoolean()).isFalse();
		assertThat(followUps.get(4).get("new_status").asString()).isEqualTo("resolved");
	}

	private static List<String> iterable(java.util.Collection<String> names) {
		return List.copyOf(names);
	}
}
