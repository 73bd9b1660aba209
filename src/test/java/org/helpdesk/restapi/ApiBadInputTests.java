package org.helpdesk.restapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the JSON API that takes input, table by table, with what scripts get wrong: fields it does not
 * know, values of the wrong type, bodies over the limit, a stale {@code If-Match}, another queue's ticket, a token
 * without the scope. Each answer is a problem detail that names the field or the reason, and nothing changes: a
 * witness read before and after the call (as an administrator) answers the same.
 */
// the tables make some thousand calls a minute as one administrator; RateLimitTests covers the limits
@TestPropertySource(properties = { "helpdesk.api.max-request-size=64KB", "helpdesk.webhooks.enabled=false",
		"helpdesk.webhooks.allow-private-targets=true", "helpdesk.api.rate-limit.enabled=false" })
abstract class ApiBadInputTests extends FullStackTest {

	private static final String PASSWORD = "agent-password-1";

	/** One call, with {@code {placeholders}} for the fixtures, and the resource that must not change. */
	record Call(String method, String path, String body, String witness) {

		@Override
		public String toString() {
			return method + " " + path + (body == null ? "" : " " + (body.length() > 60 ? "(large body)" : body));
		}
	}

	private Map<String, String> fixtures;

	private String agent;

	@BeforeEach
	void fixtures() {
		String slug = unique("bad");
		long queue = client.createQueue(slug);
		long foreignQueue = client.createQueue(unique("foreign"));
		agent = unique("agent");
		long user = client.createUser(agent, PASSWORD, "agent", null, List.of(queue));
		long ticket = openTicket(queue, "Printer jams");
		long other = openTicket(queue, "Printer jams again");
		long foreign = openTicket(foreignQueue, "Someone else's");
		Response webhook = client.admin("POST", "/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook"));
		assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
		fixtures = Map.of("{queue}", String.valueOf(queue), "{user}", String.valueOf(user), "{ticket}",
				String.valueOf(ticket), "{other}", String.valueOf(other), "{foreign}", String.valueOf(foreign),
				"{webhook}", webhook.json().get("id").asString(), "{unique}", unique("x"));
	}

	private long openTicket(long queue, String title) {
		Response created = client.admin("POST", "/api/v1/tickets", Map.of("queue", queue, "title", title,
				"submitter_email", "sue@example.test"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String fill(String text) {
		if (text == null) {
			return null;
		}
		String filled = text;
		for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
			filled = filled.replace(fixture.getKey(), fixture.getValue());
		}
		return filled;
	}

	private String witness(Call call) {
		Response read = client.admin("GET", fill(call.witness()), null);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		return read.body();
	}

	private Response asAdmin(Call call) {
		return client.request(call.method(), fill(call.path()), ADMIN, ADMIN_PASSWORD, fill(call.body()));
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	static Stream<Call> unknownFields() {
		return Stream.of(
				new Call("POST", "/api/v1/queues", "{\"title\":\"T\",\"slug\":\"{unique}\",\"colour\":\"red\"}",
						"/api/v1/queues"),
				new Call("PATCH", "/api/v1/queues/{queue}", "{\"title\":\"New\",\"colour\":\"red\"}",
						"/api/v1/queues/{queue}"),
				new Call("POST", "/api/v1/users",
						"{\"username\":\"{unique}\",\"password\":\"long-password-1\",\"role\":\"agent\",\"colour\":\"red\"}",
						"/api/v1/users"),
				new Call("PATCH", "/api/v1/users/{user}", "{\"first_name\":\"Sue\",\"colour\":\"red\"}",
						"/api/v1/users/{user}"),
				new Call("POST", "/api/v1/custom-fields",
						"{\"name\":\"{unique}\",\"label\":\"L\",\"data_type\":\"varchar\",\"colour\":\"red\"}",
						"/api/v1/custom-fields"),
				new Call("POST", "/api/v1/escalation-exclusions",
						"{\"name\":\"X\",\"date\":\"2031-01-02\",\"colour\":\"red\"}", "/api/v1/escalation-exclusions"),
				new Call("POST", "/api/v1/escalation-exclusions/weekly",
						"{\"weekday\":\"saturday\",\"count\":1,\"colour\":\"red\"}", "/api/v1/escalation-exclusions"),
				new Call("POST", "/api/v1/ignore-rules",
						"{\"name\":\"N\",\"email_address\":\"*@spam.test\",\"colour\":\"red\"}", "/api/v1/ignore-rules"),
				new Call("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/x\",\"colour\":\"red\"}",
						"/api/v1/webhooks"),
				new Call("PATCH", "/api/v1/webhooks/{webhook}", "{\"active\":false,\"colour\":\"red\"}",
						"/api/v1/webhooks/{webhook}"),
				new Call("POST", "/api/v1/me/tokens", "{\"name\":\"t\",\"scopes\":[\"read\"],\"colour\":\"red\"}",
						"/api/v1/me/tokens"),
				new Call("POST", "/api/v1/tickets", "{\"queue\":{queue},\"title\":\"T\",\"colour\":\"red\"}",
						"/api/v1/tickets?queue={queue}"),
				new Call("PATCH", "/api/v1/tickets/{ticket}", "{\"title\":\"T\",\"colour\":\"red\"}",
						"/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/followups", "{\"comment\":\"c\",\"colour\":\"red\"}",
						"/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/ccs", "{\"email\":\"cc@example.test\",\"colour\":\"red\"}",
						"/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/dependencies", "{\"depends_on\":{other},\"colour\":\"red\"}",
						"/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/merge", "{\"into\":{other},\"colour\":\"red\"}",
						"/api/v1/tickets/{ticket}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unknownFields")
	void aFieldTheRequestDoesNotKnowIsNamedAndNothingChanges(Call call) {
		String before = witness(call);

		Response response = asAdmin(call);

		assertProblem(response, 400);
		assertThat(response.fieldErrors()).containsEntry("colour", "is not a field of this request");
		assertThat(witness(call)).isEqualTo(before);
	}

	/** A call whose body has one field of the wrong type, and that field. */
	record WrongType(Call call, String field) {

		@Override
		public String toString() {
			return call + " → " + field;
		}
	}

	static Stream<WrongType> wrongTypes() {
		return Stream.of(
				wrong("POST", "/api/v1/queues", "{\"title\":\"T\",\"slug\":\"{unique}\",\"allow_public_submission\":\"yes\"}",
						"/api/v1/queues", "allow_public_submission"),
				wrong("PATCH", "/api/v1/queues/{queue}", "{\"escalate_days\":\"soon\"}", "/api/v1/queues/{queue}",
						"escalate_days"),
				wrong("POST", "/api/v1/users",
						"{\"username\":\"{unique}\",\"password\":\"long-password-1\",\"role\":\"agent\",\"queues\":\"all\"}",
						"/api/v1/users", "queues"),
				wrong("PATCH", "/api/v1/users/{user}", "{\"active\":\"maybe\"}", "/api/v1/users/{user}", "active"),
				wrong("POST", "/api/v1/custom-fields",
						"{\"name\":\"{unique}\",\"label\":\"L\",\"data_type\":\"varchar\",\"max_length\":\"long\"}",
						"/api/v1/custom-fields", "max_length"),
				wrong("POST", "/api/v1/escalation-exclusions", "{\"name\":\"X\",\"date\":\"2031-01-02\",\"queues\":\"all\"}",
						"/api/v1/escalation-exclusions", "queues"),
				wrong("POST", "/api/v1/escalation-exclusions/weekly", "{\"weekday\":\"saturday\",\"count\":\"four\"}",
						"/api/v1/escalation-exclusions", "count"),
				wrong("POST", "/api/v1/ignore-rules",
						"{\"name\":\"N\",\"email_address\":\"*@spam.test\",\"keep_in_mailbox\":\"yes\"}",
						"/api/v1/ignore-rules", "keep_in_mailbox"),
				wrong("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/x\",\"events\":\"created\"}",
						"/api/v1/webhooks", "events"),
				wrong("PATCH", "/api/v1/webhooks/{webhook}", "{\"active\":\"no\"}", "/api/v1/webhooks/{webhook}",
						"active"),
				wrong("POST", "/api/v1/me/tokens", "{\"name\":\"t\",\"scopes\":\"read\"}", "/api/v1/me/tokens",
						"scopes"),
				wrong("POST", "/api/v1/tickets", "{\"queue\":{queue},\"title\":42}", "/api/v1/tickets?queue={queue}",
						"title"),
				wrong("PATCH", "/api/v1/tickets/{ticket}", "{\"priority\":\"high\"}", "/api/v1/tickets/{ticket}",
						"priority"),
				wrong("POST", "/api/v1/tickets/{ticket}/followups", "{\"comment\":\"c\",\"public\":\"yes\"}",
						"/api/v1/tickets/{ticket}", "public"),
				wrong("POST", "/api/v1/tickets/{ticket}/ccs", "{\"email\":[\"cc@example.test\"]}",
						"/api/v1/tickets/{ticket}", "email"),
				wrong("POST", "/api/v1/tickets/{ticket}/dependencies", "{\"depends_on\":\"the other one\"}",
						"/api/v1/tickets/{ticket}", "depends_on"),
				wrong("POST", "/api/v1/tickets/{ticket}/merge", "{\"into\":true}", "/api/v1/tickets/{ticket}", "into"),
				wrong("GET", "/api/v1/tickets/{ticket}x", null, "/api/v1/tickets/{ticket}", "id"),
				wrong("GET", "/api/v1/tickets?limit=many", null, "/api/v1/tickets/{ticket}", "limit"),
				wrong("GET", "/api/v1/changes?limit=many", null, "/api/v1/tickets/{ticket}", "limit"),
				wrong("GET", "/api/v1/webhooks/{webhook}/deliveries?limit=many", null, "/api/v1/webhooks/{webhook}",
						"limit"),
				wrong("DELETE", "/api/v1/queues/first", null, "/api/v1/queues/{queue}", "id"));
	}

	private static WrongType wrong(String method, String path, String body, String witness, String field) {
		return new WrongType(new Call(method, path, body, witness), field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wrongTypes")
	void aValueOfTheWrongTypeIsNamedAndNothingChanges(WrongType wrong) {
		String before = witness(wrong.call());

		Response response = asAdmin(wrong.call());

		assertProblem(response, 400);
		assertThat(response.fieldErrors()).containsKey(wrong.field());
		assertThat(witness(wrong.call())).isEqualTo(before);
	}

	/** Every call above with a body, its body padded past the limit of 64 KB. */
	static Stream<Call> oversized() {
		String padding = "x".repeat(70 * 1024);
		return unknownFields().map(call -> new Call(call.method(), call.path(),
				call.body().replace("\"colour\":\"red\"", "\"padding\":\"" + padding + "\""), call.witness()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversized")
	void aBodyOverTheLimitIsRefusedAsTooLargeAndNothingChanges(Call call) {
		String before = witness(call);

		Response response = asAdmin(call);

		assertProblem(response, 413);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("64 KiB");
		assertThat(witness(call)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversized")
	void aBodyOverTheLimitSentInChunksIsRefusedAsTooLargeAndNothingChanges(Call call) {
		String before = witness(call);

		Response response = client.chunked(call.method(), fill(call.path()), ADMIN, ADMIN_PASSWORD, fill(call.body()));

		assertProblem(response, 413);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(witness(call)).isEqualTo(before);
	}

	@Test
	void aBodyWithinTheLimitSentInChunksIsTakenAsAnyOther() {
		Response created = client.chunked("POST", "/api/v1/queues", ADMIN, ADMIN_PASSWORD,
				fill("{\"title\":\"Chunked\",\"slug\":\"{unique}\"}"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("title").asString()).isEqualTo("Chunked");
	}

	/** A text far longer than any column holds (still well within the body limit), in each text field. */
	static Stream<WrongType> overlongValues() {
		String x = "x".repeat(5000);
		String mail = x + "@example.test";
		return Stream.of(
				wrong("POST", "/api/v1/queues", "{\"title\":\"" + x + "\",\"slug\":\"{unique}\"}", "/api/v1/queues", "title"),
				wrong("POST", "/api/v1/queues", "{\"title\":\"T\",\"slug\":\"" + x + "\"}", "/api/v1/queues", "slug"),
				wrong("PATCH", "/api/v1/queues/{queue}", "{\"email_address\":\"" + mail + "\"}", "/api/v1/queues/{queue}",
						"email_address"),
				wrong("POST", "/api/v1/users", "{\"username\":\"" + x + "\",\"password\":\"long-password-1\",\"role\":\"agent\"}",
						"/api/v1/users", "username"),
				wrong("PATCH", "/api/v1/users/{user}", "{\"first_name\":\"" + x + "\"}", "/api/v1/users/{user}", "first_name"),
				wrong("PATCH", "/api/v1/users/{user}", "{\"password\":\"" + x + "\"}", "/api/v1/users/{user}", "password"),
				wrong("POST", "/api/v1/custom-fields", "{\"name\":\"{unique}\",\"label\":\"" + x + "\",\"data_type\":\"varchar\"}",
						"/api/v1/custom-fields", "label"),
				wrong("POST", "/api/v1/escalation-exclusions", "{\"name\":\"" + x + "\",\"date\":\"2031-01-02\"}",
						"/api/v1/escalation-exclusions", "name"),
				wrong("POST", "/api/v1/ignore-rules", "{\"name\":\"N\",\"email_address\":\"" + mail + "\"}",
						"/api/v1/ignore-rules", "email_address"),
				wrong("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/" + x + "\"}", "/api/v1/webhooks", "url"),
				wrong("POST", "/api/v1/me/tokens", "{\"name\":\"" + x + "\",\"scopes\":[\"read\"]}", "/api/v1/me/tokens",
						"name"),
				wrong("POST", "/api/v1/tickets", "{\"queue\":{queue},\"title\":\"" + x + "\"}", "/api/v1/tickets?queue={queue}",
						"title"),
				wrong("POST", "/api/v1/tickets", "{\"queue\":{queue},\"title\":\"T\",\"submitter_email\":\"" + mail + "\"}",
						"/api/v1/tickets?queue={queue}", "submitter_email"),
				wrong("PATCH", "/api/v1/tickets/{ticket}", "{\"title\":\"" + x + "\"}", "/api/v1/tickets/{ticket}", "title"),
				wrong("POST", "/api/v1/tickets/{ticket}/ccs", "{\"email\":\"" + mail + "\"}", "/api/v1/tickets/{ticket}",
						"email"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlongValues")
	void aValueLongerThanItsFieldIsNamedAndNothingChanges(WrongType overlong) {
		aValueOfTheWrongTypeIsNamedAndNothingChanges(overlong);
	}

	/**
	 * Every operation of the OpenAPI document with a number in its path, called with a word there (400 naming the
	 * parameter) and, when it reads or deletes, with an id nothing has (404): no endpoint is left out of the table.
	 */
	@Test
	void everyIdInEveryPathIsCheckedAndAnUnknownOneIsNotFound() {
		JsonNode paths = client.get("/api/v1/openapi").json().get("paths");
		List<String> wrong = new ArrayList<>();
		paths.properties().forEach(template -> template.getValue().properties().forEach(operation -> {
			String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
			List<String> ids = operation.getValue().path("parameters").valueStream()
				.filter(p -> p.get("in").asString().equals("path") && p.at("/schema/type").asString().equals("integer"))
				.map(p -> p.get("name").asString()).toList();
			String body = operation.getValue().has("requestBody") ? "{}" : null;
			for (String id : ids) {
				String path = template.getKey().replace("{" + id + "}", "abc").replaceAll("\\{[^}]+}", "1");
				Response response = client.request(method, path, ADMIN, ADMIN_PASSWORD, body);
				if (response.status() != 400 || !response.fieldErrors().containsKey(id)) {
					wrong.add(method + " " + path + " answered " + response.status() + " " + response.body());
				}
			}
			if (!ids.isEmpty() && (method.equals("GET") || method.equals("DELETE"))) {
				String path = template.getKey().replaceAll("\\{[^}]+}", "987654321");
				Response response = client.request(method, path, ADMIN, ADMIN_PASSWORD, null);
				if (response.status() != 404 || !response.contentType().startsWith("application/problem+json")) {
					wrong.add(method + " " + path + " answered " + response.status() + " " + response.body());
				}
			}
		}));

		assertThat(wrong).isEmpty();
	}

	static Stream<Call> ifMatch() {
		return Stream.of(new Call("PATCH", "/api/v1/tickets/{ticket}", "{\"title\":\"Lost update\"}", null),
				new Call("DELETE", "/api/v1/tickets/{ticket}", null, null),
				new Call("POST", "/api/v1/tickets/{ticket}/followups", "{\"comment\":\"Late comment\"}", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("ifMatch")
	void aStaleOrForeignETagIsRefusedAndNothingChanges(Call call) {
		String path = fill(call.path()).replaceFirst("/followups$", "");
		String stale = client.admin("GET", path, null).header("ETag");
		assertThat(client.admin("PATCH", path, Map.of("priority", 1)).status()).isEqualTo(200);
		String before = client.admin("GET", path, null).body();

		for (String tag : List.of(stale, "\"not-a-version\"", "W/" + stale)) {
			Response response = client.request(call.method(), fill(call.path()), ADMIN, ADMIN_PASSWORD, fill(call.body()),
					"If-Match", tag);

			assertProblem(response, 412);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
			assertThat(client.admin("GET", path, null).body()).isEqualTo(before);
		}
	}

	static Stream<Call> anotherQueuesTicket() {
		return Stream.of(new Call("GET", "/api/v1/tickets/{foreign}", null, null),
				new Call("PATCH", "/api/v1/tickets/{foreign}", "{\"title\":\"Mine now\"}", null),
				new Call("DELETE", "/api/v1/tickets/{foreign}", null, null),
				new Call("GET", "/api/v1/tickets/{foreign}/followups", null, null),
				new Call("POST", "/api/v1/tickets/{foreign}/followups", "{\"comment\":\"Hello\"}", null),
				new Call("POST", "/api/v1/tickets/{foreign}/ccs", "{\"email\":\"spy@example.test\"}", null),
				new Call("DELETE", "/api/v1/tickets/{foreign}/ccs/sue@example.test", null, null),
				new Call("POST", "/api/v1/tickets/{foreign}/dependencies", "{\"depends_on\":{ticket}}", null),
				new Call("POST", "/api/v1/tickets/{ticket}/dependencies", "{\"depends_on\":{foreign}}", null),
				new Call("DELETE", "/api/v1/tickets/{foreign}/dependencies/{ticket}", null, null),
				new Call("POST", "/api/v1/tickets/{foreign}/merge", "{\"into\":{ticket}}", null),
				new Call("POST", "/api/v1/tickets/{ticket}/merge", "{\"into\":{foreign}}", null),
				new Call("GET", "/api/v1/tickets/{foreign}/attachments/1", null, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("anotherQueuesTicket")
	void anotherQueuesTicketIsNotFoundOnEverySubResourceAndNothingChanges(Call call) {
		String foreign = client.admin("GET", fill("/api/v1/tickets/{foreign}"), null).body();
		String own = client.admin("GET", fill("/api/v1/tickets/{ticket}"), null).body();

		Response response = client.request(call.method(), fill(call.path()), agent, PASSWORD, fill(call.body()));

		assertProblem(response, 404);
		assertThat(response.body()).doesNotContain("Someone else's");
		assertThat(client.admin("GET", fill("/api/v1/tickets/{foreign}"), null).body()).isEqualTo(foreign);
		assertThat(client.admin("GET", fill("/api/v1/tickets/{ticket}"), null).body()).isEqualTo(own);
	}

	/** Changes with an agent's read-only token. */
	static Stream<Call> writes() {
		return Stream.of(new Call("POST", "/api/v1/tickets", "{\"queue\":{queue},\"title\":\"T\"}",
				"/api/v1/tickets?queue={queue}"),
				new Call("PATCH", "/api/v1/tickets/{ticket}", "{\"title\":\"T\"}", "/api/v1/tickets/{ticket}"),
				new Call("DELETE", "/api/v1/tickets/{ticket}", null, "/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/followups", "{\"comment\":\"c\"}", "/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/ccs", "{\"email\":\"cc@example.test\"}",
						"/api/v1/tickets/{ticket}"),
				new Call("DELETE", "/api/v1/tickets/{ticket}/ccs/sue@example.test", null, "/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/dependencies", "{\"depends_on\":{other}}",
						"/api/v1/tickets/{ticket}"),
				new Call("DELETE", "/api/v1/tickets/{ticket}/dependencies/{other}", null, "/api/v1/tickets/{ticket}"),
				new Call("POST", "/api/v1/tickets/{ticket}/merge", "{\"into\":{other}}", "/api/v1/tickets/{ticket}"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void aReadTokenCannotChangeAnythingAndIsToldTheScope(Call call) {
		String token = token(agent, PASSWORD, "[\"read\"]");
		String before = witness(call);

		Response response = client.bearer(call.method(), fill(call.path()), token, fill(call.body()));

		assertProblem(response, 403);
		assertThat(response.json().get("required_scope").asString()).isEqualTo("write");
		assertThat(witness(call)).isEqualTo(before);
	}

	/** The administration, read and changed with an administrator's token that lacks the admin scope. */
	static Stream<Call> administration() {
		return Stream.concat(unknownFields().filter(call -> !call.path().startsWith("/api/v1/tickets")
				&& !call.path().startsWith("/api/v1/me"))
			.map(call -> new Call(call.method(), call.path(), call.body().replace(",\"colour\":\"red\"", ""),
					call.witness())),
				Stream.of(new Call("GET", "/api/v1/queues", null, "/api/v1/queues"),
						new Call("GET", "/api/v1/users/{user}", null, "/api/v1/users/{user}"),
						new Call("DELETE", "/api/v1/queues/{queue}", null, "/api/v1/queues/{queue}"),
						new Call("DELETE", "/api/v1/users/{user}", null, "/api/v1/users/{user}"),
						new Call("DELETE", "/api/v1/webhooks/{webhook}", null, "/api/v1/webhooks/{webhook}"),
						new Call("GET", "/api/v1/mail/quarantine", null, "/api/v1/queues"),
						new Call("POST", "/api/v1/mail/inbound?queue={queue}", null, "/api/v1/tickets?queue={queue}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("administration")
	void aTokenWithoutTheAdminScopeCannotAdministerAndIsToldTheScope(Call call) {
		String token = token(ADMIN, ADMIN_PASSWORD, "[\"read\",\"write\"]");
		String before = witness(call);

		Response response = client.bearer(call.method(), fill(call.path()), token, fill(call.body()));

		assertProblem(response, 403);
		assertThat(response.json().get("required_scope").asString()).isEqualTo("admin");
		assertThat(witness(call)).isEqualTo(before);
	}

	private String token(String user, String password, String scopes) {
		Response created = client.request("POST", "/api/v1/me/tokens", user, password,
				"{\"name\":\"" + unique("t") + "\",\"scopes\":" + scopes + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}
}
