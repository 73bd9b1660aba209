package org.helpdesk.restapi;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed as an integrator uses it: follow it page by page from the start and rebuild every ticket one may
 * see, and nothing of the others.
 */
abstract class ChangeFeedTests extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	@Autowired
	JdbcTemplate jdbc;

	/** A ticket as a mirror that only reads the feed knows it. */
	private static final class Mirror {

		String title;

		String description;

		String status;

		boolean onHold;

		Long assignedTo;

		int priority;

		int comments;

		boolean deleted;
	}

	@Test
	void aMirrorBuiltFromTheFeedEqualsEveryTicketItMaySeeAndNothingElse() {
		long mine = client.createQueue(unique("mine"));
		long other = client.createQueue(unique("other"));
		String agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of(mine));
		String start = cursor(agent);
		long first = open(mine, "Printer jams");
		long second = open(mine, "Mail is slow");
		long hidden = open(other, "Secret project");
		legacy("add_followup", first, "message", "Tried a new drum", "public", "y");
		legacy("hold_ticket", first);
		legacy("add_followup", hidden, "message", "hidden words");
		legacy("unhold_ticket", first);
		legacy("resolve", first, "resolution", "New toner");
		legacy("add_followup", second, "message", "Still slow");
		long gone = open(mine, "Wrong queue");
		legacy("delete_ticket", gone, "confirm", "yes");
		awaitSequenced();

		Map<Long, Mirror> mirror = new LinkedHashMap<>();
		String after = start;
		int pages = 0;
		while (true) {
			Response page = client.request("GET", "/api/v1/changes?limit=2&after=" + after, agent, PASSWORD, null);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			for (JsonNode change : page.json().get("changes")) {
				apply(mirror, change);
			}
			after = page.json().get("next_cursor").asString();
			pages++;
			if (!page.json().get("has_more").asBoolean()) {
				break;
			}
		}

		assertThat(pages).as("paged through, two at a time").isGreaterThan(4);
		assertThat(mirror.keySet()).containsExactlyInAnyOrder(first, second, gone);
		assertThat(mirror.get(gone).deleted).isTrue();
		for (long id : List.of(first, second)) {
			JsonNode ticket = client.ticket(id);
			Mirror m = mirror.get(id);
			assertThat(m.title).isEqualTo(ticket.get("title").asString());
			assertThat(m.description).isEqualTo(ticket.get("description").asString());
			assertThat(m.status).isEqualTo(ticket.get("status").asString());
			assertThat(m.onHold).isEqualTo(ticket.get("on_hold").asBoolean());
			assertThat(m.priority).isEqualTo(ticket.get("priority").asInt());
			assertThat(m.comments).as("follow-ups with a comment").isEqualTo((int) ticket.get("followups")
				.valueStream().filter(f -> !f.get("comment").isNull() && !f.get("comment").asString().isBlank()
						&& !f.get("title").asString().equals("Ticket Opened"))
				.count());
		}
		assertThat(mirror.get(first).status).isEqualTo("resolved");
		Response rest = client.request("GET", "/api/v1/changes?after=" + after, agent, PASSWORD, null);
		assertThat(rest.json().get("changes")).isEmpty();
		assertThat(rest.json().get("next_cursor").asString()).isEqualTo(after);
	}

	private static void apply(Map<Long, Mirror> mirror, JsonNode change) {
		long id = change.get("ticket_id").asLong();
		JsonNode fields = change.get("fields");
		Mirror m = mirror.computeIfAbsent(id, k -> new Mirror());
		switch (change.get("kind").asString()) {
			case "created" -> {
				m.title = fields.get("title").asString();
				m.description = fields.get("description").asString();
				m.status = fields.get("status").asString();
				m.priority = fields.get("priority").asInt();
			}
			case "updated" -> {
				for (Map.Entry<String, JsonNode> field : fields.properties()) {
					JsonNode value = field.getValue().get("new");
					switch (field.getKey()) {
						case "title" -> m.title = value.asString();
						case "description" -> m.description = value.asString();
						case "status" -> m.status = value.asString();
						case "on_hold" -> m.onHold = value.asBoolean();
						case "priority" -> m.priority = value.asInt();
						case "assigned_to" -> m.assignedTo = value.isNull() ? null : value.asLong();
						default -> {
						}
					}
				}
			}
			case "followup_added" -> m.comments++;
			case "deleted" -> m.deleted = true;
			default -> {
			}
		}
	}

	@Test
	void theCursorIsAPositionSoAReaderResumesWhereItStopped() {
		long queue = client.createQueue(unique("resume"));
		String start = cursor(FullStackTest.ADMIN, FullStackTest.ADMIN_PASSWORD);
		long id = open(queue, "One");
		awaitSequenced();
		Response firstPage = feed(start, "1");
		assertThat(firstPage.json().get("changes")).singleElement()
			.satisfies(c -> assertThat(c.get("ticket_id").asLong()).isEqualTo(id));
		String resume = firstPage.json().get("next_cursor").asString();
		long later = open(queue, "Two");
		awaitSequenced();

		Response next = feed(resume, "100");

		assertThat(next.json().get("changes")).extracting(c -> c.get("ticket_id").asLong()).containsExactly(later);
		assertThat(next.json().get("changes").get(0).propertyNames()).contains("cursor", "position", "ticket_id",
				"queue_id", "kind", "actor_id", "followup_id", "occurred_at", "fields");
	}

	@Test
	void badCursorsAndLimitsAreNamedAndCustomersAndStrangersAreKeptOut() {
		assertThat(feed("abc", null).fieldErrors()).containsKey("after");
		assertThat(feed("-1", null).fieldErrors()).containsKey("after");
		assertThat(feed("99999999999999999999", null).fieldErrors()).containsKey("after");
		for (String limit : List.of("0", "1001", "ten", "1e3")) {
			Response response = feed("0", limit);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.fieldErrors()).containsKey("limit");
		}
		String customer = unique("customer");
		client.createUser(customer, PASSWORD, "user", customer + "@example.test", List.of());
		assertThat(client.request("GET", "/api/v1/changes", customer, PASSWORD, null).status()).isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/changes", null, null, null).status()).isEqualTo(401);
	}

	@Test
	void aCursorOlderThanTheOldestChangeKeptIsGone() {
		long queue = client.createQueue(unique("gone"));
		open(queue, "Old");
		open(queue, "Older");
		awaitSequenced();
		long oldest = jdbc.queryForObject("select min(position) from ticket_log", Long.class);
		jdbc.update("delete from ticket_log where position = ?", oldest);

		Response response = feed(String.valueOf(oldest - 1), null);

		assertThat(response.status()).isEqualTo(410);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
		assertThat(feed(String.valueOf(oldest), null).status()).isEqualTo(200);
	}

	/** Changes get their positions a moment after their commit: wait until every one has (polling, with a deadline). */
	private void awaitSequenced() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (jdbc.queryForObject("select count(*) from ticket_log where position is null", Long.class) > 0) {
			assertThat(Instant.now()).as("changes sequenced in time").isBefore(deadline);
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private Response feed(String after, String limit) {
		return client.admin("GET", "/api/v1/changes?after=" + after + (limit == null ? "" : "&limit=" + limit), null);
	}

	private String cursor(String agent) {
		return cursor(agent, PASSWORD);
	}

	private String cursor(String user, String password) {
		awaitSequenced();
		Response response = client.request("GET", "/api/v1/changes/cursor", user, password, null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("cursor").asString();
	}

	private long open(long queue, String title) {
		Response response = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", String.valueOf(queue), "title", title, "body", "Details of " + title, "submitter_email",
				"sue@example.test"));
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
}
