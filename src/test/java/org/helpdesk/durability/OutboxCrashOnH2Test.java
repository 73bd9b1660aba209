package org.helpdesk.durability;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpdesk is killed while it sends mail it has claimed (the SMTP server accepted the connection and has not
 * answered yet). The claim would keep those mails from every node for {@code helpdesk.mail.lease}, an hour here; the
 * embedded file database is the restarted process's alone, so it gives up the dead run's claims at start-up and the
 * mails go out at once.
 */
class OutboxCrashOnH2Test {

	private static final int TICKETS = 3;

	@TempDir
	Path dataDir;

	@Test
	void mailClaimedByAKilledRunIsSentAfterTheRestartWithoutWaitingForTheLease() throws Exception {
		String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.test";
		List<String> submitters = IntStream.range(0, TICKETS).mapToObj(i -> "customer" + i + "@" + domain).toList();
		try (ServerSocket silent = new ServerSocket(0)) {
			silent.setSoTimeout(60_000);
			try (HelpdeskProcess first = HelpdeskProcess.start(dataDir, mail(silent.getLocalPort()))) {
				HelpdeskClient client = first.client();
				long queue = client.createQueue("outbox-crash");
				for (String submitter : submitters) {
					Response created = client.admin("POST", "/api/v1/tickets",
							Map.of("queue", queue, "title", "For " + submitter, "submitter_email", submitter));
					assertThat(created.status()).as(created.body()).isEqualTo(201);
				}
				// the outbox connects once it has claimed a batch; the server never greets, so the claim is held
				try (Socket sending = silent.accept()) {
					first.crash();
				}
			}
		}
		try (HelpdeskProcess second = HelpdeskProcess.start(dataDir, mail(TestMail.smtpPort()))) {
			// the claimed mail is sent by the restarted process long before the hour-long lease ends, or never here
			submitters.forEach(submitter -> TestMail.awaitCount(submitter, 1));
		}
	}

	private static List<String> mail(int smtpPort) {
		return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--helpdesk.mail.lease=1h",
				"--helpdesk.mail.poll-interval=200ms");
	}
}
