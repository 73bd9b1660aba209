package org.helpdesk.legacyapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may use the legacy API and what they see: credentials, roles, cached logins, list_queues and find_user.
 * The suite fails fewer than ten logins in total, so the throttle (which counts per address) never kicks in.
 */
abstract class LegacyAccessTests extends LegacyApiSupport {

	private static final String INVALID = "Invalid username or password";

	private Response listQueues(String user, String password) {
		return client.legacy("list_queues", withCredentials(user, password));
	}

	private void assertRefused(Response response, String message) {
		assertPlainText(response, 403, message);
	}

	@Test
	void aWrongPasswordAnUnknownUserAndAnInactiveAccountAreRefusedAlike() {
		String retired = unique("retired");
		client.createUser(Map.of("username", retired, "password", PASSWORD, "role", "agent", "active", false));

		assertRefused(listQueues(agent, "wrong-password"), INVALID);
		assertRefused(listQueues(unique("nobody"), PASSWORD), INVALID);
		assertRefused(listQueues(retired, PASSWORD), INVALID);
	}

	@Test
	void aRequestWithoutCredentialsIsRefused() {
		assertRefused(client.legacy("list_queues", Map.of()), INVALID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "list_queues", "hold_ticket", "delete_ticket", "find_user", "create_ticket" })
	void aCustomerAccountMayNotUseTheApiAtAll(String method) {
		long id = openTicket();
		String customer = unique("customer");
		client.createUser(customer, PASSWORD, "user", null, List.of());

		Response response = client.legacy(method, withCredentials(customer, PASSWORD, "ticket", String.valueOf(id), "confirm", "yes",
				"queue", String.valueOf(queue), "title", "Sneaky", "username", agent));

		assertRefused(response, "Permission denied");
		assertThat(client.admin("GET", "/api/v1/tickets/" + id, null).status()).isEqualTo(200);
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isFalse();
	}

	@Test
	void theUsernameFieldServesAsCredentialWhenUserIsAbsent() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", agent);
		fields.put("password", PASSWORD);

		Response response = client.legacy("list_queues", fields);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void httpBasicCredentialsAreAcceptedInsteadOfFields() {
		long id = openTicket();

		Response response = client.legacyWithAuthorization("hold_ticket", Map.of("ticket", String.valueOf(id)),
				HelpdeskClient.basic(agent, PASSWORD));

		assertOk(response);
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isTrue();
	}

	@Test
	void aChangedPasswordTakesEffectAtOnce() {
		String user = unique("changing");
		long id = client.createUser(user, PASSWORD, "agent", null, List.of());
		assertThat(listQueues(user, PASSWORD).status()).isEqualTo(200);

		Response patched = client.admin("PATCH", "/api/v1/users/" + id, Map.of("password", "brand-new-password"));

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertRefused(listQueues(user, PASSWORD), INVALID);
		assertThat(listQueues(user, "brand-new-password").status()).isEqualTo(200);
	}

	@Test
	void aDeactivatedAccountIsRefusedAtOnce() {
		String user = unique("leaving");
		long id = client.createUser(user, PASSWORD, "agent", null, List.of());
		assertThat(listQueues(user, PASSWORD).status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + id, Map.of("active", false));

		assertRefused(listQueues(user, PASSWORD), INVALID);
	}

	@Test
	void anAgentDemotedToCustomerLosesTheApiAtOnce() {
		String user = unique("demoted");
		long id = client.createUser(user, PASSWORD, "agent", null, List.of());
		assertThat(listQueues(user, PASSWORD).status()).isEqualTo(200);

		client.admin("PATCH", "/api/v1/users/" + id, Map.of("role", "user"));

		assertRefused(listQueues(user, PASSWORD), "Permission denied");
	}

	@Test
	void listQueuesAnswersJsonWithStringIdsAndSlugsOrderedByTitle() {
		String tag = unique("").toLowerCase();
		long zulu = client.createQueue(Map.of("title", "zulu " + tag, "slug", "z" + tag));
		long alpha = client.createQueue(Map.of("title", "alpha " + tag, "slug", "a" + tag));
		long mike = client.createQueue(Map.of("title", "mike " + tag, "slug", "m" + tag));

		Response response = call("list_queues");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType().toLowerCase()).startsWith("application/json");
		assertThat(response.body()).doesNotEndWith("\n");
		List<JsonNode> mine = StreamSupport.stream(response.json().spliterator(), false)
			.filter(q -> q.get("title").asString().endsWith(tag))
			.toList();
		assertThat(mine).extracting(q -> q.get("id").isString()).containsOnly(true);
		assertThat(mine).extracting(q -> q.get("id").asString())
			.containsExactly(String.valueOf(alpha), String.valueOf(mike), String.valueOf(zulu));
		assertThat(mine).extracting(q -> q.get("slug").asString()).containsExactly("a" + tag, "m" + tag, "z" + tag);
	}

	@Test
	void anAgentLimitedToSomeQueuesListsOnlyThoseAndCannotOpenTicketsElsewhere() {
		long mine = client.createQueue(unique("mine"));
		String limited = unique("limited");
		client.createUser(limited, PASSWORD, "agent", null, List.of(mine));

		Response response = listQueues(limited, PASSWORD);
		Response elsewhere = client.legacy("create_ticket", withCredentials(limited, PASSWORD, "queue", String.valueOf(queue),
				"title", "Not my queue"));

		assertThat(response.json()).extracting(q -> q.get("id").asString()).containsExactly(String.valueOf(mine));
		assertBadRequest(elsewhere, "queue: no such queue");
	}

	@Test
	void findUserAnswersTheIdOfAnActiveUser() {
		String wanted = unique("Wanted");
		long id = client.createUser(wanted, PASSWORD, "agent", null, List.of());

		assertPlainText(call("find_user", "username", wanted), 200, String.valueOf(id));
	}

	@Test
	void findUserDoesNotFindUnknownInactiveOrDifferentlyCasedUsers() {
		String retired = unique("Retired");
		client.createUser(Map.of("username", retired, "password", PASSWORD, "role", "agent", "active", false));
		String cased = unique("Cased");
		client.createUser(cased, PASSWORD, "agent", null, List.of());

		assertPlainText(call("find_user", "username", unique("nobody")), 404, "Invalid username provided");
		assertPlainText(call("find_user", "username", retired), 404, "Invalid username provided");
		assertPlainText(call("find_user", "username", cased.toLowerCase()), 404, "Invalid username provided");
		assertPlainText(call("find_user", "username", cased.toUpperCase()), 404, "Invalid username provided");
	}

	@Test
	void findUserLooksUpTheUsernameFieldAndTakesCredentialsFromUser() {
		long self = agentId;
		String other = unique("other");
		long otherId = client.createUser(other, PASSWORD, "agent", null, List.of());

		Response response = call("find_user", "username", other);

		assertPlainText(response, 200, String.valueOf(otherId));
		assertThat(otherId).isNotEqualTo(self);
	}
}
