package org.helpdesk.restapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.ApiTokenManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API's rate limits over real HTTP, with a bucket of {@value #LIMIT} requests refilled at {@value #LIMIT} a
 * minute: every answer says how many are left, the request after the last is answered 429 with Retry-After and goes
 * no further, each token, account and client address has a bucket of its own, and the legacy API is not counted.
 * Accounts are made through the facade, so that setting them up spends nobody's requests.
 */
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.api.rate-limit.per-minute=" + RateLimitTests.LIMIT,
		"helpdesk.api.rate-limit.burst=" + RateLimitTests.LIMIT })
abstract class RateLimitTests extends FullStackTest {

	static final int LIMIT = 5;

	static final String PASSWORD = "agent-password-1";

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApiTokenManagement tokens;

	String agent() {
		String name = unique("agent");
		accounts.create(new NewAccount(name, PASSWORD, null, null, null, "agent", Set.of(), true, true), null);
		return name;
	}

	String token(String agent) {
		Response created = client.request("POST", "/api/v1/me/tokens", agent, PASSWORD,
				"{\"name\":\"limited\",\"scopes\":[\"read\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	@Test
	void theHeadersCountDownAndTheRequestOverTheLimitIsAnswered429() {
		String agent = agent();
		String token = token(agent);

		List<String> remaining = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			Response answer = client.bearer("GET", "/api/v1/me/tokens", token, null);
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
			assertThat(Long.parseLong(answer.header("RateLimit-Reset"))).isBetween(1L, 60L);
			remaining.add(answer.header("RateLimit-Remaining"));
		}
		Response over = client.bearer("GET", "/api/v1/me/tokens", token, null);

		assertThat(remaining).containsExactly("4", "3", "2", "1", "0");
		assertThat(over.status()).isEqualTo(429);
		assertThat(over.contentType()).startsWith("application/problem+json");
		assertThat(over.json().get("status").asInt()).isEqualTo(429);
		assertThat(over.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Long.parseLong(over.header("Retry-After"))).isBetween(1L, 60L / LIMIT);
		// the account's own bucket (HTTP Basic) is another one
		Response basic = client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null);
		assertThat(basic.status()).isEqualTo(200);
		assertThat(basic.header("RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 2));
	}

	@Test
	void aRequestOverTheLimitChangesNothing() {
		String agent = agent();
		String name = unique("queue");
		for (int i = 0; i < LIMIT; i++) {
			client.request("GET", "/api/v1/me/tokens", agent, PASSWORD, null);
		}

		Response over = client.request("POST", "/api/v1/me/tokens", agent, PASSWORD,
				"{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}");

		assertThat(over.status()).isEqualTo(429);
		assertThat(over.body()).doesNotContain("hd_");
		assertThat(tokens.list(accounts.findActiveByUsername(agent).orElseThrow())).isEmpty();
	}

	@Test
	void callersWithoutCredentialsAreCountedByTheirAddress() {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i <= LIMIT; i++) {
			statuses.add(client.get("/api/v1/queues").status());
		}

		assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
	}

	@Test
	void theLegacyApiIsNotCounted() {
		String agent = agent();
		for (int i = 0; i <= 2 * LIMIT; i++) {
			Response answer = client.legacy("list_queues", Map.of("user", agent, "password", PASSWORD));

			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.header("RateLimit-Remaining")).isNull();
		}
	}
}
