package org.helpdesk.legacyapi;

import java.util.List;

import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After ten failed logins within five minutes the API answers 429 with Retry-After, even to the right password.
 * The test client always comes from the loopback address, so throttling it throttles the whole context: this suite
 * has a context of its own and a single test.
 */
abstract class LegacyThrottlingTests extends LegacyApiSupport {

	@Test
	void tenFailuresThrottleTheAddressUntilTheWindowPasses() {
		String bystander = unique("bystander");
		client.createUser(bystander, PASSWORD, "agent", null, List.of());
		long id = openTicket();

		for (int i = 1; i <= 10; i++) {
			Response failed = client.legacy("hold_ticket", withCredentials(agent, "wrong-" + i, "ticket", String.valueOf(id)));
			assertPlainText(failed, 403, "Invalid username or password");
		}
		Response rightPassword = call("hold_ticket", "ticket", String.valueOf(id));
		Response otherAccount = client.legacy("list_queues", withCredentials(bystander, PASSWORD));
		Response jsonApi = client.admin("GET", "/api/v1/queues", null);

		assertCleanError(rightPassword, 429);
		assertThat(rightPassword.header("Retry-After")).matches("\\d+");
		assertThat(Long.parseLong(rightPassword.header("Retry-After"))).isBetween(1L, 300L);
		assertThat(jdbc.sql("select on_hold from ticket where id = ?").param(id).query(Boolean.class).single())
			.as("the throttled request changed nothing").isFalse();
		assertCleanError(otherAccount, 429);
		assertThat(otherAccount.header("Retry-After")).matches("\\d+");
		assertThat(jsonApi.status()).isEqualTo(429);
		assertThat(jsonApi.header("Retry-After")).matches("\\d+");
	}
}
