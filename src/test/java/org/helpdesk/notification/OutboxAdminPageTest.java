package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.core.Timestamps;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.TestDatabases;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox page as an administrator uses it: a mail the server kept rejecting, or that could not be rendered,
 * shows up with its error, and "Retry" queues it again.
 */
class OutboxAdminPageTest extends FullStackTest {

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Test
	void failedMailIsListedWithItsErrorAndRetryQueuesItAgain() {
		String recipient = unique("failed") + "@example.test";
		long id = insertFailed(recipient, "550 <mailbox> unknown & gone");
		BrowserlessSession admin = new BrowserlessSession(client.base());
		assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		Page page = admin.get("/admin/outbox");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"mail-" + id + "\"", recipient, "550 &lt;mailbox&gt; unknown &amp; gone")
			.doesNotContain("<mailbox>");
		Page after = admin.follow(admin.post("/admin/outbox/" + id + "/retry", Map.of()));
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).contains("id=\"outbox-retried\"");
		Map<String, Object> row = jdbc.sql("select status, attempts from mail_outbox where id = ?").param(id)
			.query().singleRow();
		assertThat(row.get("status")).isIn("queued", "sent");
		assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void agentCannotOpenTheOutbox() {
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", agent + "@example.test", List.of());
		BrowserlessSession session = new BrowserlessSession(client.base());
		assertThat(session.signIn(agent, "agent-password-1")).isTrue();
		Page page = session.get("/admin/outbox");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).doesNotContain("outbox-table");
		assertThat(session.post("/admin/outbox/retry-failed", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void aMailThatCannotBeRenderedIsFailedWithItsReasonAndTheOthersStillGoOut() {
		String broken = unique("broken") + "@example.test";
		String fine = unique("fine") + "@example.test";
		queue(broken, "ref=q-1&garbled");
		queue(fine, new MailSnapshot(Map.of("ref", "q-2", "comment", "Rendered late")).encoded());

		assertThat(ReceivedMail.of(TestMail.awaitCount(fine, 1).get(0)).text()).contains("q-2", "Rendered late");
		await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(jdbc
			.sql("select status from mail_outbox where recipient = ?").param(broken).query(String.class).single()));
		BrowserlessSession admin = new BrowserlessSession(client.base());
		assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		assertThat(admin.get("/admin/outbox").body()).contains(broken, "could not be rendered",
				"malformed mail snapshot entry: garbled");
		assertThat(TestMail.to(broken)).isEmpty();
	}

	private void queue(String recipient, String snapshot) {
		Instant now = Instant.now();
		jdbc.sql("""
				insert into mail_outbox (ticket_id, template, message_id, sender, recipient, subject, snapshot,
				    status, attempts, next_attempt_at, created)
				values (null, 'updated_cc', ?, 'helpdesk@localhost', ?, 'Late', ?, 'queued', 0, ?, ?)""")
			.params("<" + UUID.randomUUID() + "@test>", recipient, snapshot, Timestamps.toDb(now), Timestamps.toDb(now))
			.update();
	}

	private long insertFailed(String recipient, String error) {
		Instant now = Instant.now();
		jdbc.sql("""
				insert into mail_outbox (ticket_id, template, message_id, sender, recipient, subject, body_text,
				    body_html, status, attempts, next_attempt_at, created, last_error)
				values (null, 'updated_cc', ?, 'helpdesk@localhost', ?, 'Subject <b>', 'text', '<p>html</p>',
				    'failed', 5, ?, ?, ?)""")
			.params("<" + UUID.randomUUID() + "@test>", recipient, Timestamps.toDb(now), Timestamps.toDb(now), error)
			.update();
		return jdbc.sql("select id from mail_outbox where recipient = ?").param(recipient).query(Long.class).single();
	}
}
