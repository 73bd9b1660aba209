package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that is down when a ticket is opened: the API still answers at once, the mail waits in the outbox,
 * and it goes out once the server is back. The server here is this test's own, on a fixed port, so that it can be
 * stopped and started again.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"helpdesk.admin.password=" + FullStackTest.ADMIN_PASSWORD, "helpdesk.security.password-hash-strength=4",
		"helpdesk.mail.poll-interval=100ms", "helpdesk.mail.max-backoff=2s", "spring.mail.host=127.0.0.1" })
class OutboxOutageTest {

	private static final int SMTP_PORT = freePort();

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private GreenMail smtp;

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("helpdesk.data-dir",
				() -> Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath().toString());
	}

	@AfterEach
	void stopSmtp() {
		if (smtp != null) {
			smtp.stop();
		}
	}

	@Test
	void mailQueuedDuringAnSmtpOutageIsSentWhenTheServerIsBack() {
		HelpdeskClient client = new HelpdeskClient("http://localhost:" + port);
		String slug = "out" + UUID.randomUUID().toString().substring(0, 8);
		long queue = client.createQueue(slug);
		String submitter = slug + "@example.test";

		Instant before = Instant.now();
		Response response = client.legacy("create_ticket", Map.of("user", FullStackTest.ADMIN, "password", FullStackTest.ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Sent while SMTP is down", "submitter_email", submitter));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		// Generous, because it only has to show that the call does not wait for connection timeouts and retries.
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
		long ticket = Long.parseLong(response.body());

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from mail_outbox
				where ticket_id = ? and status = 'queued' and attempts > 0 and last_error is not null""")
			.param(ticket).query(Long.class).single() == 1);

		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> received(submitter));
		// the dispatcher records the delivery just after the server accepted the mail
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc
			.sql("select status from mail_outbox where ticket_id = ?").param(ticket).query(String.class).single())
			.isEqualTo("sent"));
	}

	private boolean received(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		});
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
