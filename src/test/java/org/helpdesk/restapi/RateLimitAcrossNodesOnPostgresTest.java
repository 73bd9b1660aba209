package org.helpdesk.restapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.SecondNode;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database count a caller's requests in the same bucket: a token that used its limit
 * on one node is refused on the other, and the remaining count goes down across both.
 */
@RequiresPostgres
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.api.rate-limit.per-minute=" + RateLimitAcrossNodesOnPostgresTest.LIMIT,
		"helpdesk.api.rate-limit.burst=" + RateLimitAcrossNodesOnPostgresTest.LIMIT })
class RateLimitAcrossNodesOnPostgresTest extends FullStackTest {

	static final int LIMIT = 5;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	private Environment environment;

	@Autowired
	private AccountManagement accounts;

	private ConfigurableApplicationContext secondNode;

	private HelpdeskClient second;

	@BeforeEach
	void startSecondNode() {
		secondNode = SecondNode.start(environment, List.of(), "--helpdesk.api.rate-limit.per-minute=" + LIMIT,
				"--helpdesk.api.rate-limit.burst=" + LIMIT);
		second = new HelpdeskClient(SecondNode.base(secondNode));
	}

	@AfterEach
	void stopSecondNode() {
		secondNode.close();
	}

	@Test
	void aTokensRequestsOnBothNodesCountAgainstOneLimit() {
		String agent = unique("agent");
		accounts.create(new NewAccount(agent, "agent-password-1", null, null, null, "agent", Set.of(), true, true), null);
		Response created = second.request("POST", "/api/v1/me/tokens", agent, "agent-password-1",
				"{\"name\":\"limited\",\"scopes\":[\"read\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = created.json().get("token").asString();

		List<String> remaining = new ArrayList<>();
		for (int i = 0; i < LIMIT; i++) {
			Response answer = (i % 2 == 0 ? client : second).bearer("GET", "/api/v1/me/tokens", token, null);
			assertThat(answer.status()).isEqualTo(200);
			remaining.add(answer.header("RateLimit-Remaining"));
		}

		assertThat(remaining).containsExactly("4", "3", "2", "1", "0");
		assertThat(second.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(429);
		assertThat(client.bearer("GET", "/api/v1/me/tokens", token, null).status()).isEqualTo(429);
	}
}
