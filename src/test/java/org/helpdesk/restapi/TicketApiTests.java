package org.helpdesk.restapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ticket resources of the JSON API over real HTTP: create, list by cursor, read with an ETag, change with
 * If-Match, follow-ups, merge and delete, and what bad or stale requests get.
 */
@Import(MovableClock.Configuration.class)
abstract class TicketApiTests extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A change is searchable within a second; the tests allow more for a busy machine. */
	private static final Duration INDEXED = Duration.ofSeconds(10);

	@Autowired
	private MovableClock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	private String agent;

	private long queue;

	private String slug;

	private long foreignQueue;

	@BeforeEach
	void setUp() {
		slug = unique("api");
		queue = client.createQueue(slug);
		foreignQueue = client.createQueue(unique("foreign"));
		agent = unique("agent");
		client.createUser(agent, PASSWORD, "agent", null, List.of(queue));
	}

	private Response call(String method, String path, Object body, String... headers) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
				.header("Authorization", HelpdeskClient.basic(agent, PASSWORD))
				.header("Content-Type", "application/json");
			for (int i = 0; i < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long create(String title) {
		return create(title, "sue@example.test");
	}

	private long create(String title, String submitter) {
		Response created = call("POST", "/api/v1/tickets", Map.of("queue", slug, "title", title, "description",
				"About " + title, "submitter_email", submitter));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** The ids the list of this test's queue answers with these further filters. */
	private List<Long> listed(String filters) {
		Response page = call("GET", "/api/v1/tickets?queue=" + queue + "&" + filters, null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("tickets").valueStream().map(t -> t.get("id").asLong()).toList();
	}

	private LocalDate modifiedDay(long id) {
		Instant modified = Instant.parse(call("GET", "/api/v1/tickets/" + id, null).json().get("modified").asString());
		return LocalDate.ofInstant(modified, ZoneOffset.UTC);
	}

	@Test
	void aTicketIsCreatedByQueueSlugAndAnsweredWithItsAddressAndVersion() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("queue", slug);
		body.put("title", "Printer jams");
		body.put("description", "On the third floor");
		body.put("submitter_email", "sue@example.test");
		body.put("priority", 2);
		body.put("due_date", "2030-01-02T10:00:00Z");
		body.put("ccs", List.of("boss@example.test"));

		Response created = call("POST", "/api/v1/tickets", body);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"0\"");
		JsonNode ticket = call("GET", "/api/v1/tickets/" + id, null).json();
		assertThat(ticket.get("title").asString()).isEqualTo("Printer jams");
		assertThat(ticket.get("priority").asInt()).isEqualTo(2);
		assertThat(ticket.get("queue").asLong()).isEqualTo(queue);
		assertThat(ticket.get("due_date").asString()).isEqualTo("2030-01-02T10:00:00Z");
		assertThat(ticket.get("ccs").valueStream().map(JsonNode::asString)).containsExactly("boss@example.test");
	}

	@Test
	void ticketsAndFollowUpsTakeFilesAsMultipartAndABadPartChangesNothing() {
		String auth = HelpdeskClient.basic(agent, PASSWORD);
		byte[] log = "printer log: paper jam in tray 2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Response created = client.multipart("/api/v1/tickets",
				Map.of("ticket", "{\"queue\":\"" + slug + "\",\"title\":\"Printer with a log\",\"description\":\"See the log\"}"),
				List.of(new HelpdeskClient.FilePart("attachment", "printer.log", "text/plain", log),
						new HelpdeskClient.FilePart("attachment", "photo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' })),
				auth);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + id);
		JsonNode opening = created.json().get("followups").get(0);
		assertThat(opening.get("attachments").valueStream().map(a -> a.get("filename").asString()))
			.containsExactlyInAnyOrder("printer.log", "photo.png");
		long logId = opening.get("attachments").valueStream().filter(a -> a.get("filename").asString().equals("printer.log"))
			.findFirst().orElseThrow().get("id").asLong();
		assertThat(client.download("/api/v1/tickets/" + id + "/attachments/" + logId, agent, PASSWORD).body())
			.isEqualTo(log);

		Response reply = client.multipart("/api/v1/tickets/" + id + "/followups", Map.of("followup", "{\"public\":true}"),
				List.of(new HelpdeskClient.FilePart("attachment", "fixed.txt", "text/plain", "fixed".getBytes())), auth);
		assertThat(reply.status()).as("a file alone is a follow-up: " + reply.body()).isEqualTo(201);
		assertThat(reply.json().get("attachments").get(0).get("filename").asString()).isEqualTo("fixed.txt");

		int followUps = call("GET", "/api/v1/tickets/" + id, null).json().get("followups").size();
		Response notJson = client.multipart("/api/v1/tickets/" + id + "/followups", Map.of("followup", "{comment: oops"),
				List.of(new HelpdeskClient.FilePart("attachment", "again.txt", "text/plain", "again".getBytes())), auth);
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.body()).contains("followup").contains("must be a JSON object");
		Response badFile = client.multipart("/api/v1/tickets", Map.of("ticket", "{\"queue\":\"" + slug
				+ "\",\"title\":\"Executable\"}"), List.of(new HelpdeskClient.FilePart("attachment", "run.exe",
						"application/octet-stream", new byte[] { 'M', 'Z' })), auth);
		assertThat(badFile.status()).isEqualTo(400);
		assertThat(badFile.body()).contains("attachment");
		Response foreign = client.multipart("/api/v1/tickets", Map.of("ticket", "{\"queue\":" + foreignQueue
				+ ",\"title\":\"Not mine\"}"), List.of(), auth);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).contains("queue");
		assertThat(call("GET", "/api/v1/tickets/" + id, null).json().get("followups").size()).isEqualTo(followUps);
		assertThat(call("GET", "/api/v1/tickets?q=Executable", null).json().get("tickets").size()).isZero();
	}

	@Test
	void badNewTicketsAreRefusedNamingEachFieldAndCreateNothing() {
		Response response = call("POST", "/api/v1/tickets", "{\"queue\": \"" + slug + "\", \"title\": 42, "
				+ "\"priority\": 9, \"due_date\": \"tomorrow\", \"colour\": \"red\", \"assigned_to\": \"me\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.fieldErrors()).containsKeys("title", "priority", "due_date", "colour", "assigned_to");
		assertThat(call("POST", "/api/v1/tickets", "[1, 2]").fieldErrors()).containsKey("body");
		assertThat(call("POST", "/api/v1/tickets", Map.of("title", "No queue")).fieldErrors()).containsKey("queue");
		assertThat(call("POST", "/api/v1/tickets", Map.of("queue", "nope", "title", "x")).fieldErrors())
			.containsKey("queue");
		assertThat(call("GET", "/api/v1/tickets?queue=" + queue, null).json().get("tickets")).isEmpty();
	}

	@Test
	void anotherQueuesTicketsAreNotFoundAndCannotBeCreated() {
		long hidden = Long.parseLong(client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", String.valueOf(foreignQueue), "title", "Hidden", "body", "x")).body());

		assertThat(call("GET", "/api/v1/tickets/" + hidden, null).status()).isEqualTo(404);
		assertThat(call("PATCH", "/api/v1/tickets/" + hidden, Map.of("title", "Mine now")).status()).isEqualTo(404);
		assertThat(call("DELETE", "/api/v1/tickets/" + hidden, null).status()).isEqualTo(404);
		assertThat(call("POST", "/api/v1/tickets/" + hidden + "/followups", Map.of("comment", "hi")).status())
			.isEqualTo(404);
		Response create = call("POST", "/api/v1/tickets", Map.of("queue", foreignQueue, "title", "Sneak"));
		assertThat(create.status()).isIn(400, 403, 404);
		assertThat(client.ticket(hidden).get("title").asString()).isEqualTo("Hidden");
		assertThat(call("GET", "/api/v1/tickets?queue=" + foreignQueue, null).json().get("tickets")).isEmpty();
	}

	@Test
	void theListPagesByCursorThroughEveryTicketOnceAndRefusesBadParameters() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(create("Ticket " + i));
		}
		List<Long> seen = new ArrayList<>();
		String cursor = null;
		do {
			Response page = call("GET", "/api/v1/tickets?queue=" + queue + "&sort=-created&limit=3"
					+ (cursor == null ? "" : "&cursor=" + cursor), null);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("tickets").forEach(t -> seen.add(t.get("id").asLong()));
			assertThat(page.json().get("total").asLong()).isEqualTo(7);
			cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asString();
		}
		while (cursor != null);

		java.util.Collections.reverse(ids);
		assertThat(seen).containsExactlyElementsOf(ids);
		assertThat(call("GET", "/api/v1/tickets?limit=101", null).fieldErrors()).containsKey("limit");
		assertThat(call("GET", "/api/v1/tickets?cursor=abc", null).fieldErrors()).containsKey("cursor");
		assertThat(call("GET", "/api/v1/tickets?status=sleeping", null).fieldErrors()).containsKey("status");
	}

	@Test
	void theListFindsOneSubmittersTicketsIgnoringCaseButNotAddressesThatContainTheirs() {
		long kiosk = create("Kiosk frozen", "Pat.Doe@Example.TEST");
		long printer = create("Printer jams", "pat.doe@example.test");
		long longer = create("Kiosk slow", "otherpat.doe@example.test");
		long subdomain = create("Kiosk dark", "pat.doe@example.test.example");

		assertThat(listed("submitter=pat.doe@example.test")).containsExactlyInAnyOrder(kiosk, printer);
		assertThat(listed("submitter=PAT.DOE%40EXAMPLE.test")).containsExactlyInAnyOrder(kiosk, printer);
		// a search is filtered inside the index, before it pages
		await().atMost(INDEXED).untilAsserted(
				() -> assertThat(listed("q=kiosk")).containsExactlyInAnyOrder(kiosk, longer, subdomain));
		assertThat(listed("q=kiosk&submitter=Pat.Doe@example.test")).containsExactly(kiosk);
		assertThat(listed("q=kiosk&submitter=pat.doe@example.test.example")).containsExactly(subdomain);
		assertThat(listed("q=kiosk&submitter=doe@example.test")).isEmpty();
	}

	@Test
	void theListFindsTheTicketsModifiedWithinADayRangeWithAndWithoutASearch() {
		long untouched = create("Scanner old");
		long edited = create("Scanner new");
		clock.advance(Duration.ofDays(3));
		Response patched = call("PATCH", "/api/v1/tickets/" + edited, Map.of("title", "Scanner renamed"));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		LocalDate today = modifiedDay(edited);
		LocalDate then = modifiedDay(untouched);

		assertThat(listed("modified_from=" + today)).containsExactly(edited);
		assertThat(listed("modified_to=" + today.minusDays(1))).containsExactly(untouched);
		assertThat(listed("modified_from=" + then + "&modified_to=" + then)).containsExactly(untouched);
		await().atMost(INDEXED).untilAsserted(() -> assertThat(listed("q=renamed")).containsExactly(edited));
		assertThat(listed("q=scanner&modified_from=" + today)).containsExactly(edited);
		assertThat(listed("q=scanner&modified_to=" + today.minusDays(1))).containsExactly(untouched);
		assertThat(listed("q=scanner&modified_from=" + then + "&modified_to=" + then)).containsExactly(untouched);
	}

	@Test
	void aSubmitterOrModifiedDayThatIsNotUnderstoodIsRefusedNamingItAndWhy() {
		Map<String, String> errors = call("GET", "/api/v1/tickets?submitter=pat&modified_from=2026-13-01"
				+ "&modified_to=yesterday", null).fieldErrors();

		assertThat(errors).containsOnlyKeys("submitter", "modified_from", "modified_to");
		assertThat(errors.get("submitter")).contains("e-mail address");
		assertThat(errors.get("modified_from")).contains("date such as 2026-12-31");
		for (String hostile : List.of("%27%20or%201%3D1%20--%40example.test", "%3Cscript%3E%40example.test",
				"pat%40example.test%40example.test", "pat%40exa%20mple.test", "x".repeat(250) + "%40example.test")) {
			assertThat(call("GET", "/api/v1/tickets?submitter=" + hostile, null).fieldErrors()).as(hostile)
				.containsOnlyKeys("submitter");
		}
	}

	@Test
	void aPatchChangesTheFieldsSentAndAStaleIfMatchChangesNothing() {
		long id = create("Old title");
		Response read = call("GET", "/api/v1/tickets/" + id, null);
		String etag = read.header("ETag");

		Response patched = call("PATCH", "/api/v1/tickets/" + id, Map.of("title", "New title", "priority", 1,
				"status", "closed", "on_hold", true), "If-Match", etag);

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("title").asString()).isEqualTo("New title");
		assertThat(patched.json().get("priority").asInt()).isEqualTo(1);
		assertThat(patched.json().get("status").asString()).isEqualTo("closed");
		assertThat(patched.json().get("on_hold").asBoolean()).isTrue();
		assertThat(patched.header("ETag")).isNotEqualTo(etag);

		Response stale = call("PATCH", "/api/v1/tickets/" + id, Map.of("title", "Lost update"), "If-Match", etag);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(call("DELETE", "/api/v1/tickets/" + id, null, "If-Match", etag).status()).isEqualTo(412);
		assertThat(call("POST", "/api/v1/tickets/" + id + "/followups", Map.of("comment", "late"), "If-Match", etag)
			.status()).isEqualTo(412);
		JsonNode ticket = call("GET", "/api/v1/tickets/" + id, null).json();
		assertThat(ticket.get("title").asString()).isEqualTo("New title");
		assertThat(ticket.get("followups").valueStream().map(f -> f.get("comment").asString())).doesNotContain("late");

		assertThat(call("PATCH", "/api/v1/tickets/" + id, Map.of("status", "sleeping")).fieldErrors())
			.containsKey("status");
		assertThat(call("PATCH", "/api/v1/tickets/" + id, Map.of("owner", 1)).fieldErrors()).containsKey("owner");
	}

	@Test
	void followUpsAreAddedAndListedAndADeleteWithTheCurrentVersionDeletes() {
		long id = create("Chatty");
		String etag = call("GET", "/api/v1/tickets/" + id, null).header("ETag");

		Response added = call("POST", "/api/v1/tickets/" + id + "/followups",
				Map.of("comment", "Tried again", "public", true, "new_status", "resolved", "time_spent_seconds", 600),
				"If-Match", etag);

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.header("Location")).contains("/api/v1/tickets/" + id + "/followups/");
		assertThat(added.json().get("comment").asString()).isEqualTo("Tried again");
		assertThat(added.json().get("new_status").asString()).isEqualTo("resolved");
		Response list = call("GET", "/api/v1/tickets/" + id + "/followups", null);
		assertThat(list.json().valueStream().map(f -> f.get("comment").asString())).contains("Tried again");
		assertThat(call("POST", "/api/v1/tickets/" + id + "/followups", Map.of("public", true)).fieldErrors())
			.containsKey("comment");

		String current = call("GET", "/api/v1/tickets/" + id, null).header("ETag");
		assertThat(call("DELETE", "/api/v1/tickets/" + id, null, "If-Match", current).status()).isEqualTo(204);
		assertThat(call("GET", "/api/v1/tickets/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void aMergeMovesTheTicketIntoItsTarget() {
		long target = create("Mail down");
		long source = create("Cannot send");

		Response merged = call("POST", "/api/v1/tickets/" + source + "/merge", Map.of("into", target));

		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("id").asLong()).isEqualTo(target);
		assertThat(call("GET", "/api/v1/tickets/" + source, null).json().get("status").asString()).isEqualTo("duplicate");
		assertThat(call("POST", "/api/v1/tickets/" + source + "/merge", Map.of()).fieldErrors()).containsKey("into");
	}
}
