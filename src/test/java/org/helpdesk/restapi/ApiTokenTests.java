package org.helpdesk.restapi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API tokens over real HTTP: created with a password and shown once, used as {@code Authorization: Bearer},
 * limited by their scopes and by their owner's role, and refused at once when expired, revoked, or when the owner is
 * deactivated or demoted. Spring Security logs at DEBUG here, so that the check that no token reaches the log has
 * something to look through.
 */
@DirtiesContext
@Import(MovableClock.Configuration.class)
@TestPropertySource(properties = "logging.level.org.springframework.security=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
abstract class ApiTokenTests extends FullStackTest {

	static final String PASSWORD = "agent-password-1";

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	private String agent(long queue) {
		String name = unique("agent");
		client.createUser(name, PASSWORD, "agent", name + "@example.test", List.of(queue));
		return name;
	}

	private String secondAdmin() {
		String name = unique("admin");
		client.createUser(name, PASSWORD, "admin", null, List.of());
		return name;
	}

	private Response create(String user, String json) {
		return client.request("POST", "/api/v1/me/tokens", user, PASSWORD, json);
	}

	/** The full value of a new token of {@code user} with these scopes. */
	private String token(String user, String... scopes) {
		Response created = create(user, "{\"name\":\"script\",\"scopes\":" + jsonList(scopes) + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private long ticketIn(long queue) {
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Printer on fire", "submitter_email", "bob@example.test"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		return Long.parseLong(created.body().strip());
	}

	private static String jsonList(String... values) {
		return values.length == 0 ? "[]" : "[\"" + String.join("\",\"", values) + "\"]";
	}

	@Test
	void aTokenIsShownOnceAndThenReadsWithBearer(CapturedOutput output) {
		long queue = client.createQueue(unique("tok"));
		String agent = agent(queue);
		long ticket = ticketIn(queue);

		Response created = create(agent, "{\"name\":\"Nightly export\",\"scopes\":[\"read\"]}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		String token = body.get("token").asString();
		long id = body.get("id").asLong();
		assertThat(token).matches("hd_[A-Za-z0-9]{12}_[A-Za-z0-9]{40}");
		assertThat(created.header("Location")).endsWith("/api/v1/me/tokens/" + id);
		assertThat(body.get("name").asString()).isEqualTo("Nightly export");
		assertThat(body.get("prefix").asString()).isEqualTo(token.substring(0, 15));
		assertThat(body.get("scopes").toString()).isEqualTo("[\"read\"]");
		assertThat(body.get("expires_at").isNull()).isTrue();
		Response list = client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null);
		Response one = client.request("GET", "/api/v1/me/tokens/" + id, agent, PASSWORD, null);
		assertThat(list.json()).extracting(t -> t.get("name").asString()).containsExactly("Nightly export");
		assertThat(list.body()).doesNotContain(token.substring(16)).doesNotContain("\"token\"");
		assertThat(one.body()).doesNotContain(token.substring(16)).doesNotContain("\"token\"");

		Response read = client.bearer("GET", "/api/v1/tickets/" + ticket, token, null);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("title").asString()).isEqualTo("Printer on fire");
		assertThat(client.bearer("GET", "/api/v1/tickets/" + ticket, token.substring(0, token.length() - 1) + "x",
				null).status()).isEqualTo(401);
		assertThat(output.getAll()).doesNotContain(token.substring(16));
	}

	@Test
	void meTellsWhoIsCallingWithWhichQueuesAndScopes() {
		long queue = client.createQueue(unique("tok"));
		String agent = agent(queue);
		String reader = token(agent, "read");

		Response withToken = client.bearer("GET", "/api/v1/me", reader, null);
		Response withPassword = client.request("GET", "/api/v1/me", agent, PASSWORD, null);

		assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);
		JsonNode me = withToken.json();
		assertThat(me.get("username").asString()).isEqualTo(agent);
		assertThat(me.get("email").asString()).isEqualTo(agent + "@example.test");
		assertThat(me.get("role").asString()).isEqualTo("agent");
		assertThat(me.get("all_queues").asBoolean()).isFalse();
		assertThat(me.get("queues").toString()).isEqualTo("[" + queue + "]");
		assertThat(me.get("scopes").toString()).isEqualTo("[\"read\"]");
		assertThat(me.get("token_id").asLong()).isPositive();
		assertThat(withPassword.json().get("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
		assertThat(withPassword.json().get("token_id").isNull()).isTrue();
		assertThat(withPassword.body()).doesNotContain("password");
		assertThat(client.request("GET", "/api/v1/me", ADMIN, ADMIN_PASSWORD, null).json().get("scopes").toString())
			.isEqualTo("[\"read\",\"write\",\"admin\"]");
		assertThat(client.bearer("GET", "/api/v1/me", token(agent, "write"), null).status())
			.as("reading oneself needs the read scope like any read").isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/me", null, null, null).status()).isEqualTo(401);
	}

	@Test
	void changingNeedsTheWriteScopeAndAMissingScopeIsNamed() {
		long queue = client.createQueue(unique("tok"));
		String agent = agent(queue);
		long ticket = ticketIn(queue);
		String reader = token(agent, "read");
		String writer = token(agent, "read", "write");

		Response refused = client.bearer("POST", "/api/v1/tickets/" + ticket + "/ccs", reader,
				"{\"email\":\"carol@example.test\"}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("required_scope").asString()).isEqualTo("write");
		assertThat(refused.json().get("detail").asString()).contains("write");
		assertThat(refused.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"", "scope=\"write\"");
		assertThat(client.ticket(ticket).get("ccs").toString()).doesNotContain("carol@example.test");
		assertThat(client.bearer("POST", "/api/v1/tickets/" + ticket + "/ccs", writer,
				"{\"email\":\"carol@example.test\"}").status()).isEqualTo(204);
		assertThat(client.ticket(ticket).get("ccs").toString()).contains("carol@example.test");
		// a write-only token does not read
		assertThat(client.bearer("GET", "/api/v1/tickets/" + ticket, token(agent, "write"), null).json()
			.get("required_scope").asString()).isEqualTo("read");
	}

	@Test
	void administrationNeedsTheAdminScope() {
		String admin = secondAdmin();
		String everydayToken = token(admin, "read", "write");
		String adminToken = token(admin, "admin");

		Response refused = client.bearer("GET", "/api/v1/queues", everydayToken, null);
		Response created = client.bearer("POST", "/api/v1/queues", adminToken,
				"{\"title\":\"By token\",\"slug\":\"" + unique("bytoken") + "\"}");

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("required_scope").asString()).isEqualTo("admin");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(client.bearer("GET", "/api/v1/queues", adminToken, null).body()).contains("By token");
	}

	@Test
	void anAgentCannotHaveAnAdminTokenNorACustomerAnyToken() {
		String agent = agent(client.createQueue(unique("tok")));
		String customer = unique("customer");
		client.createUser(customer, PASSWORD, "user", customer + "@example.test", List.of());

		Map<String, String> errors = create(agent, "{\"name\":\"x\",\"scopes\":[\"read\",\"admin\"]}").fieldErrors();

		assertThat(errors).containsOnlyKeys("scopes");
		assertThat(errors.get("scopes")).contains("read, write");
		assertThat(client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json()).isEmpty();
		assertThat(create(customer, "{\"name\":\"x\",\"scopes\":[\"read\"]}").status()).isEqualTo(403);
	}

	@Test
	void badTokenRequestsNameTheFieldAndTheReason() {
		String agent = agent(client.createQueue(unique("tok")));
		String past = clock.instant().minus(Duration.ofDays(1)).toString();

		assertThat(create(agent, "{\"scopes\":[\"read\"]}").fieldErrors()).containsEntry("name", "is required");
		assertThat(create(agent, "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"read\"]}").fieldErrors())
			.containsOnlyKeys("name");
		assertThat(create(agent, "{\"name\":\"a\\u0000b\",\"scopes\":[\"read\"]}").fieldErrors())
			.containsEntry("name", "contains control characters");
		assertThat(create(agent, "{\"name\":\"x\"}").fieldErrors()).containsOnlyKeys("scopes");
		assertThat(create(agent, "{\"name\":\"x\",\"scopes\":[\"root\"]}").fieldErrors()).containsOnlyKeys("scopes");
		assertThat(create(agent, "{\"name\":\"x\",\"scopes\":\"read\"}").fieldErrors()).containsOnlyKeys("scopes");
		assertThat(create(agent, "{\"name\":\"x\",\"scopes\":[\"read\"],\"expires_at\":\"" + past + "\"}")
			.fieldErrors()).containsEntry("expires_at", "must be in the future");
		assertThat(create(agent, "{\"name\":\"x\",\"scopes\":[\"read\"],\"expires_at\":\"next tuesday\"}")
			.fieldErrors()).containsOnlyKeys("expires_at");
		assertThat(create(agent, "{\"name\":\"x\",\"scopes\":[\"read\"],\"expires_at\":\"+999999999-12-31T23:59:59Z\"}")
			.fieldErrors()).containsOnlyKeys("expires_at");
		assertThat(create(agent, "{\"name\":").fieldErrors()).containsOnlyKeys("body");
		assertThat(client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json()).isEmpty();
	}

	@Test
	void aTokenCannotCreateTokensAndNobodySeesAnothersTokens() {
		long queue = client.createQueue(unique("tok"));
		String agent = agent(queue);
		String other = agent(queue);
		String token = token(agent, "read", "write");
		long id = client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json().get(0).get("id").asLong();

		Response begotten = client.bearer("POST", "/api/v1/me/tokens", token, "{\"name\":\"x\",\"scopes\":[\"read\"]}");

		assertThat(begotten.status()).isEqualTo(403);
		assertThat(begotten.json().get("detail").asString()).contains("password");
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).json()).hasSize(1);
		assertThat(client.request("GET", "/api/v1/me/tokens/" + id, other, PASSWORD, null).status()).isEqualTo(404);
		assertThat(client.request("DELETE", "/api/v1/me/tokens/" + id, other, PASSWORD, null).status()).isEqualTo(404);
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(200);
	}

	@Test
	void anExpiredTokenIsRefused() {
		String agent = agent(client.createQueue(unique("tok")));
		Response created = create(agent, "{\"name\":\"short\",\"scopes\":[\"read\"],\"expires_at\":\""
				+ clock.instant().plus(Duration.ofDays(1)) + "\"}");
		String token = created.json().get("token").asString();
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(200);

		clock.advance(Duration.ofDays(2));

		Response expired = client.bearer("GET", "/api/v1/me/tokens", token, null);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
		assertThat(expired.json().get("detail").asString()).contains("expired");
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() {
		String agent = agent(client.createQueue(unique("tok")));
		String token = token(agent, "read");
		long id = client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json().get(0).get("id").asLong();

		assertThat(client.request("DELETE", "/api/v1/me/tokens/" + id, agent, PASSWORD, null).status()).isEqualTo(204);

		Response revoked = client.bearer("GET", "/api/v1/me/tokens", token, null);
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
		assertThat(client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json()).isEmpty();
		assertThat(client.request("DELETE", "/api/v1/me/tokens/" + id, agent, PASSWORD, null).status()).isEqualTo(404);
	}

	@Test
	void aDeactivatedAgentsTokensAreRefusedAtOnceAndStayRevoked() {
		String agent = agent(client.createQueue(unique("tok")));
		String token = token(agent, "read");
		long id = client.request("GET", "/api/v1/users", ADMIN, ADMIN_PASSWORD, null).json().valueStream()
			.filter(u -> u.get("username").asString().equals(agent)).findFirst().orElseThrow().get("id").asLong();

		client.admin("PATCH", "/api/v1/users/" + id, Map.of("active", false));

		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(401);
		client.admin("PATCH", "/api/v1/users/" + id, Map.of("active", true));
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(401);
		assertThat(client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null).json()).isEmpty();
	}

	@Test
	void aDemotedAdministratorsAdminTokenLosesItsAdminRights() {
		String admin = secondAdmin();
		String token = token(admin, "read", "write", "admin");
		assertThat(client.bearer("GET", "/api/v1/users", token, null).status()).isEqualTo(200);
		long id = client.bearer("GET", "/api/v1/users", token, null).json().valueStream()
			.filter(u -> u.get("username").asString().equals(admin)).findFirst().orElseThrow().get("id").asLong();

		client.admin("PATCH", "/api/v1/users/" + id, Map.of("role", "agent"));

		assertThat(client.bearer("GET", "/api/v1/users", token, null).status()).isEqualTo(401);
		assertThat(client.bearer("POST", "/api/v1/queues", token, "{\"title\":\"Late\",\"slug\":\"" + unique("late")
				+ "\"}").status()).isEqualTo(401);
		assertThat(client.request("GET", "/api/v1/queues", ADMIN, ADMIN_PASSWORD, null).body()).doesNotContain("Late");
		assertThat(client.request("GET", "/api/v1/me/tokens", admin, PASSWORD, null).json()).isEmpty();
	}

	@Test
	void aTokensScopesAreCheckedAgainstTheOwnersRoleOnEveryRequest() {
		String admin = secondAdmin();
		String token = token(admin, "read", "write", "admin");
		assertThat(client.bearer("GET", "/api/v1/users", token, null).status()).isEqualTo(200);

		// a role that changed without the facade (a restore, an operator's SQL): the token keeps its row, not its rights
		jdbc.sql("update account set role = 'agent', credentials_version = credentials_version + 1 where username = ?")
			.param(admin).update();

		Response refused = client.bearer("GET", "/api/v1/users", token, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(200);
	}

	@Test
	void theTimeOfLastUseIsKept() {
		String agent = agent(client.createQueue(unique("tok")));
		Response created = create(agent, "{\"name\":\"used\",\"scopes\":[\"read\"]}");
		String token = created.json().get("token").asString();
		String path = "/api/v1/me/tokens/" + created.json().get("id").asLong();
		assertThat(created.json().get("last_used").isNull()).isTrue();

		client.bearer("GET", "/api/v1/me/tokens", token, null);

		JsonNode used = client.request("GET", path, agent, PASSWORD, null).json();
		assertThat(used.get("last_used").isNull()).isFalse();
		assertThat(java.time.Instant.parse(used.get("last_used").asString()))
			.isBetween(clock.instant().minusSeconds(60), clock.instant().plusSeconds(1));
	}

	@Test
	void aMalformedOrUnknownBearerTokenIsAnswered401WithTheBearerChallenge() {
		for (String bad : List.of("nonsense", "hd_", "hd_AAAAAAAAAAAA_" + "B".repeat(40), "hd_x'; drop table--",
				"hd_" + "A".repeat(5000))) {
			Response answer = client.bearer("GET", "/api/v1/me/tokens", bad, null);

			assertThat(answer.status()).as(bad).isEqualTo(401);
			assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
		Response anonymous = client.get("/api/v1/me/tokens");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.raw().headers().allValues("WWW-Authenticate")).anyMatch(c -> c.startsWith("Basic"))
			.anyMatch(c -> c.startsWith("Bearer"));
	}
}
