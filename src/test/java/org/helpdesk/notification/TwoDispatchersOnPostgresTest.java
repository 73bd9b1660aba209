package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes sending from one outbox: every mail goes out exactly once. The application itself has no SMTP server
 * configured here, so its own dispatcher stays idle and the two dispatchers of this test do all the work.
 */
@RequiresPostgres
@DirtiesContext
@SpringBootTest(properties = { "helpdesk.admin.password=admin-secret-1", "helpdesk.security.password-hash-strength=4" })
class TwoDispatchersOnPostgresTest {

	private static final int MAILS = 60;

	@Autowired
	OutboxStore store;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
		registry.add("helpdesk.data-dir",
				() -> Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath().toString());
	}

	@Test
	void twoNodesNeverSendTheSameMailTwice() throws Exception {
		String recipient = "both" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		for (int i = 0; i < MAILS; i++) {
			store.insert(new OutgoingMail(0, OptionalLong.empty(), MailTemplate.UPDATED_CC,
					"<" + UUID.randomUUID() + "@test>", "helpdesk@example.test", recipient, "Mail " + i,
					new MailSnapshot(Map.of("ref", "q-" + i, "comment", "text " + i)), MailThread.of("<ticket-0@test>"),
					Optional.empty()));
		}
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Integer>> tried = List.of(node(nodes, start), node(nodes, start));
		start.countDown();
		int total = tried.get(0).get(60, TimeUnit.SECONDS) + tried.get(1).get(60, TimeUnit.SECONDS);
		nodes.shutdown();

		assertThat(total).isEqualTo(MAILS);
		List<MimeMessage> received = TestMail.awaitCount(recipient, MAILS);
		assertThat(received).hasSize(MAILS);
		assertThat(TestMail.subjects(received)).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ? and status = 'sent'")
			.param(recipient).query(Long.class).single()).isEqualTo(MAILS);
	}

	/** A dispatcher as another node would run it: its own SMTP connection, small batches so the two interleave. */
	private CompletableFuture<Integer> node(ExecutorService threads, CountDownLatch start) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(TestMail.smtpPort());
		NotificationSettings settings = new NotificationSettings("helpdesk@example.test", Duration.ofMillis(100),
				Duration.ofSeconds(1), 3, Duration.ofMinutes(2));
		MailDelivery delivery = new MailDelivery(store, sender, settings, Clock.systemUTC(),
				new MailMetrics(new SimpleMeterRegistry(), store), new MailRenderer());
		return CompletableFuture.supplyAsync(() -> {
			try {
				start.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return delivery.deliverDue();
		}, threads);
	}
}
