package org.helpdesk.durability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpdesk is killed (SIGKILL) while it takes a folder of messages in, and restarted on the same data: every
 * message ends up as exactly one ticket, because a file is deleted only after its ticket has committed.
 */
class MailboxCrashOnH2Test {

	private static final int MESSAGES = 300;

	/**
	 * The killed node's lock on the mailbox would hold for an hour, far beyond the test's wait: the restarted node
	 * releases it at start-up, since the embedded file database is its alone.
	 */
	private static final List<String> INBOX = List.of("--helpdesk.inbox.tick=100ms",
			"--helpdesk.inbox.lock-at-most=1h", "--helpdesk.inbox.batch-size=50",
			// one sender writes all 300: this test is about crashes, not about the flood limit
			"--helpdesk.inbox.sender-limit=1000");

	@TempDir
	Path dataDir;

	@Test
	void everyMessageEndsUpExactlyOnceWhenTheServerIsKilledMidBatch() throws Exception {
		Path folder = Files.createDirectories(dataDir.resolve("maildrop"));
		String prefix = "Crash " + UUID.randomUUID().toString().substring(0, 8) + " #";
		for (int i = 0; i < MESSAGES; i++) {
			Files.writeString(folder.resolve(String.format("%04d.eml", i)), message(prefix + i),
					StandardCharsets.UTF_8);
		}
		try (HelpdeskProcess first = HelpdeskProcess.start(dataDir, INBOX)) {
			first.client().createQueue(Map.of("title", "Drop", "slug", "drop", "allow_email_submission", true,
					"email_box_type", "local", "email_box_local_dir", folder.toString()));
			// killed within a millisecond of a file disappearing: a file deleted before its ticket committed is lost
			awaitUntil(() -> waiting(folder) <= MESSAGES - 40, Duration.ofSeconds(60), "tickets being taken in");
			first.crash();
		}
		assertThat(waiting(folder)).as("messages left when the server died").isPositive();

		try (HelpdeskProcess second = HelpdeskProcess.start(dataDir, INBOX)) {
			awaitUntil(() -> waiting(folder) == 0, Duration.ofSeconds(120), "the rest taken in after the restart");
			Map<String, Integer> tickets = ticketsByTitle(second.client());
			List<String> expected = IntStream.range(0, MESSAGES).mapToObj(i -> prefix + i).toList();
			assertThat(tickets.keySet()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(tickets.entrySet().stream().filter(t -> t.getValue() != 1).toList())
				.as("messages that became more than one ticket").isEmpty();
		}
	}

	private static String message(String subject) {
		return "From: customer@example.test\r\nTo: drop@example.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
				+ UUID.randomUUID() + "@example.test>\r\n\r\nText of " + subject + "\r\n";
	}

	private static long waiting(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every ticket's title with how often it occurs; ids are read upwards until a long run of none. */
	private static Map<String, Integer> ticketsByTitle(HelpdeskClient client) {
		Map<String, Integer> titles = new HashMap<>();
		int misses = 0;
		for (long id = 1; misses < 200; id++) {
			Response ticket = client.admin("GET", "/api/v1/tickets/" + id, null);
			if (ticket.status() == 200) {
				titles.merge(ticket.json().get("title").asString(), 1, Integer::sum);
				misses = 0;
			}
			else {
				misses++;
			}
		}
		return titles;
	}

	private static void awaitUntil(java.util.function.BooleanSupplier condition, Duration atMost, String what) {
		Instant deadline = Instant.now().plus(atMost);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
			try {
				Thread.sleep(1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
