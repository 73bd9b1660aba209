package org.helpdesk.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.helpdesk.core.Timestamps;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default {@code helpdesk.webhooks.allow-private-targets=false}, no webhook reaches this machine, the
 * private network or the cloud's metadata service: such URLs are refused when registered, and an endpoint whose
 * address turned internal after it was registered (a DNS answer that changed) gets nothing either.
 */
@TestPropertySource(properties = { "helpdesk.webhooks.poll-interval=100ms", "helpdesk.webhooks.retry-base=100ms" })
class PrivateTargetsRefusedOnH2Test extends FullStackTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void internalTargetsAreRefusedWhenRegistered() {
		for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.7/hook",
				"http://192.168.1.1/", "http://172.20.0.1/", "http://169.254.169.254/latest/meta-data/",
				"http://[fd00:ec2::254]/latest/meta-data/", "http://[::1]/", "http://100.64.0.1/", "http://0.0.0.0/",
				"http://224.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f.1/")) {
			var response = client.admin("POST", "/api/v1/webhooks", Map.of("url", url));
			assertThat(response.fieldErrors()).as(url).containsOnlyKeys("url");
		}
		assertThat(client.admin("GET", "/api/v1/webhooks", null).json()).isEmpty();
	}

	@Test
	void anEndpointWhoseAddressIsInternalAtDeliveryTimeIsNotCalled() throws IOException {
		try (Receiver receiver = new Receiver(Duration.ofSeconds(1))) {
			long head = jdbc.queryForObject("select last_position from ticket_log_sequence where id = 1", Long.class);
			jdbc.update("""
					insert into webhook_endpoint (url, all_events, events, all_queues, secret, active, from_position, created)
					values (?, true, '', true, 'whsec_0123456789abcdef', true, ?, ?)""", receiver.url("/internal"), head,
					Timestamps.toDb(Instant.now()));
			long endpoint = jdbc.queryForObject("select max(id) from webhook_endpoint", Long.class);
			long queue = client.createQueue(unique("internal"));

			client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
					String.valueOf(queue), "title", "Must not leave", "submitter_email", "c@example.test"));

			Receiver.await("an attempt was refused", Duration.ofSeconds(30), () -> {
				var deliveries = client.admin("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", null).json();
				return deliveries.size() > 0 && deliveries.get(0).get("attempts").asInt() >= 2;
			});
			var delivery = client.admin("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", null).json().get(0);
			assertThat(delivery.get("status").asString()).isEqualTo("pending");
			assertThat(delivery.get("last_error").asString()).startsWith("refused: url").contains("127.0.0.1");
			assertThat(delivery.get("attempt_log").get(0).get("status_code").isNull()).isTrue();
			assertThat(receiver.requests()).isEmpty();
		}
	}
}
