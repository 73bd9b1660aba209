package org.helpdesk.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer of 200 means the ticket survives a crash: the helpdesk runs as a child process, is killed with SIGKILL
 * while integrations are creating tickets, and after a restart on the same data every acknowledged ticket is there,
 * new tickets get ids that were never handed out before, and the webhook registered before the crash receives the
 * {@code created} change of every acknowledged ticket under one delivery id each (a delivery cut off by the crash
 * may come again, with the same id, which receivers drop).
 */
abstract class CrashRecoveryTests {

	private static final String AGENT = "crash-agent";

	private static final String PASSWORD = "crash-password-1";

	private static final int SENDERS = 8;

	private static final int ACKNOWLEDGED_BEFORE_THE_CRASH = 400;

	@TempDir
	Path dataDir;

	/** Spring arguments that choose the database; it must outlive the process. */
	abstract List<String> databaseArguments();

	/** How long the killed node's lease on the webhook endpoint keeps the restarted node from sending. */
	abstract String webhookLease();

	private List<String> arguments() {
		List<String> arguments = new ArrayList<>(databaseArguments());
		arguments.add("--helpdesk.webhooks.allow-private-targets=true"); // the receiver is on this machine
		arguments.addAll(List.of("--helpdesk.webhooks.lease=" + webhookLease(), "--helpdesk.webhooks.connect-timeout=1s",
				"--helpdesk.webhooks.read-timeout=2s"));
		return arguments;
	}

	@Test
	void everyAcknowledgedTicketSurvivesSigkillAndNoIdIsHandedOutTwice() throws Exception {
		Map<Long, String> acknowledged;
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			try (HelpdeskProcess helpdesk = HelpdeskProcess.start(dataDir, arguments())) {
				Map<String, String> fields = Map.of("user", AGENT, "password", PASSWORD,
						"queue", String.valueOf(queueAndAgent(helpdesk.client())));
				Response registered = helpdesk.client().admin("POST", "/api/v1/webhooks",
						Map.of("url", receiver.url(), "events", List.of("created")));
				assertThat(registered.status()).as(registered.body()).isEqualTo(201);
				try (TicketFlood flood = new TicketFlood(helpdesk.client(), fields, SENDERS,
						ACKNOWLEDGED_BEFORE_THE_CRASH)) {
					assertThat(flood.awaitEnough(40)).as("%d tickets created in time", ACKNOWLEDGED_BEFORE_THE_CRASH)
						.isTrue();
					helpdesk.crash();
					acknowledged = flood.acknowledged();
				}
			}
			try (HelpdeskProcess restarted = HelpdeskProcess.start(dataDir, arguments())) {
				HelpdeskClient client = restarted.client();
				assertThat(missingOrChanged(client, acknowledged)).as("acknowledged tickets lost in the crash").isEmpty();
				long highestAcknowledged = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
				assertThat(newTicketId(client)).as("a new ticket's id").isGreaterThan(highestAcknowledged);
				assertThat(receiver.awaitTickets(acknowledged.keySet(), Duration.ofMinutes(3)))
					.as("acknowledged tickets whose created webhook never arrived").isEmpty();
				assertThat(receiver.ticketsWithSeveralDeliveryIds()).as("tickets announced under two delivery ids")
					.isEmpty();
			}
		}
	}

	private static long queueAndAgent(HelpdeskClient client) {
		long queue = client.createQueue("crash");
		client.createUser(AGENT, PASSWORD, "agent", null, List.of());
		return queue;
	}

	/** The acknowledged tickets that are gone after the restart, or came back with another title. */
	private static List<Long> missingOrChanged(HelpdeskClient client, Map<Long, String> acknowledged) {
		return acknowledged.entrySet().stream().filter(ticket -> {
			Response response = client.admin("GET", "/api/v1/tickets/" + ticket.getKey(), null);
			return response.status() != 200 || !ticket.getValue().equals(response.json().get("title").asString());
		}).map(Map.Entry::getKey).sorted().toList();
	}

	private static long newTicketId(HelpdeskClient client) {
		Response response = client.legacy("create_ticket", Map.of("user", AGENT, "password", PASSWORD,
				"queue", "crash", "title", "After the crash"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}
}
