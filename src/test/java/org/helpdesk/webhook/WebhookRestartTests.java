package org.helpdesk.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart of the helpdesk loses no webhook and sends none twice: the node that delivers is stopped while its
 * receiver fails and while changes are still being made, and a new one started on the same database delivers
 * every change once. The test's own node takes part in nothing but the changes ({@code enabled=false}).
 */
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.webhooks.enabled=false", "helpdesk.webhooks.allow-private-targets=true" })
abstract class WebhookRestartTests extends FullStackTest {

	@Autowired
	Environment environment;

	private ConfigurableApplicationContext deliveringNode() {
		return SecondNode.start(environment, List.of(), "--helpdesk.webhooks.allow-private-targets=true",
				"--helpdesk.webhooks.poll-interval=100ms", "--helpdesk.webhooks.retry-base=100ms",
				"--helpdesk.webhooks.retry-max=300ms", "--helpdesk.webhooks.read-timeout=1s");
	}

	private void change(long queue, int i) {
		var response = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Restart " + i, "submitter_email", "c@example.test"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aRestartOfTheHelpdeskLosesNoDeliveryAndSendsNoneTwice() throws IOException {
		try (Receiver receiver = new Receiver(Duration.ofSeconds(2))) {
			receiver.answerAll(503);
			long queue = client.createQueue(unique("restart"));
			var registered = client.admin("POST", "/api/v1/webhooks", Map.of("url", receiver.url("/restart"),
					"queues", List.of(queue)));
			assertThat(registered.status()).as(registered.body()).isEqualTo(201);
			long endpoint = registered.json().get("id").asLong();

			ConfigurableApplicationContext first = deliveringNode();
			for (int i = 0; i < 10; i++) {
				change(queue, i);
			}
			Receiver.await("the first node tried and failed", Duration.ofSeconds(30),
					() -> receiver.requests().size() >= 5);
			first.close();
			receiver.answerAll(200);
			for (int i = 10; i < 15; i++) {
				change(queue, i);
			}
			int beforeRestart = receiver.requests().size();

			ConfigurableApplicationContext second = deliveringNode();
			try {
				Receiver.await("every change arrived", Duration.ofSeconds(60), () -> new HashSet<>(
						Receiver.ids(receiver.requests(Receiver.Request::succeeded))).size() == 15);
				Receiver.await("every delivery is recorded", Duration.ofSeconds(30), () -> java.util.stream.StreamSupport
					.stream(client.admin("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", null).json().spliterator(),
							false)
					.allMatch(d -> d.get("status").asString().equals("delivered")));
			}
			finally {
				second.close();
			}
			List<Long> delivered = Receiver.ids(receiver.requests(Receiver.Request::succeeded));
			assertThat(delivered).hasSize(15).doesNotHaveDuplicates();
			assertThat(receiver.requests().subList(0, beforeRestart)).noneMatch(Receiver.Request::succeeded);
			assertThat(receiver.requests(Receiver.Request::succeeded))
				.extracting(r -> r.json().get("fields").get("title").asString())
				.containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 15).mapToObj(i -> "Restart " + i)
					.toList());
			assertThat(client.admin("GET", "/api/v1/webhooks/" + endpoint + "/deliveries", null).json()).hasSize(15);
		}
	}
}
