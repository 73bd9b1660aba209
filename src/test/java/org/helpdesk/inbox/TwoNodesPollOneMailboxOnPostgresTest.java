package org.helpdesk.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import org.helpdesk.HelpdeskApplication;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database poll the same IMAP mailbox in small batches, so that they compete for it
 * round after round: every one of 1,000 messages becomes exactly one ticket.
 */
@RequiresPostgres
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.inbox.tick=100ms", "helpdesk.inbox.batch-size=50",
		// one sender writes all 1,000: this test is about two pollers, not about the flood limit
		"helpdesk.inbox.sender-limit=2000" })
class TwoNodesPollOneMailboxOnPostgresTest extends FullStackTest {

	private static final int MESSAGES = 1000;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.datasource.url}")
	private String databaseUrl;

	@Value("${spring.datasource.username}")
	private String databaseUser;

	@Value("${helpdesk.data-dir}")
	private String dataDir;

	@Test
	void everyMessageOfOneMailboxBecomesExactlyOneTicketWhenTwoNodesPollIt() {
		GreenMailUser user = MailServers.newUser();
		String prefix = unique("Both nodes ");
		for (int i = 0; i < MESSAGES; i++) {
			MailServers.deliver(user, prefix + " #" + i);
		}
		// the second node shares the data dir and with it the key file that seals mailbox passwords
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(HelpdeskApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + databaseUrl,
				"--spring.datasource.username=" + databaseUser, "--spring.datasource.hikari.maximum-pool-size=6",
				"--helpdesk.data-dir=" + dataDir, "--helpdesk.admin.password=" + ADMIN_PASSWORD,
				"--helpdesk.security.password-hash-strength=4", "--spring.main.banner-mode=off",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.smtpPort(),
				"--helpdesk.inbox.tick=100ms", "--helpdesk.inbox.batch-size=50", "--helpdesk.inbox.sender-limit=2000")) {
			String slug = unique("both");
			long queue = client.createQueue(Map.of("title", "Both", "slug", slug, "allow_email_submission", true,
					"email_box_type", "imap", "email_box_host", "127.0.0.1", "email_box_port", MailServers.imapPort(),
					"email_box_user", user.getLogin(), "email_box_pass", MailServers.password(user.getLogin())));

			Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
			while (MailServers.waiting(user) > 0 || ticketsIn(queue) < MESSAGES) {
				assertThat(Instant.now()).as("%d tickets so far", ticketsIn(queue)).isBefore(deadline);
				pause();
			}

			assertThat(ticketsIn(queue)).isEqualTo(MESSAGES);
			assertThat(jdbc.sql("select count(distinct title) from ticket where queue_id = ? and title like ?")
				.params(queue, prefix + " #%").query(Long.class).single()).isEqualTo(MESSAGES);
		}
	}

	private long ticketsIn(long queue) {
		return jdbc.sql("select count(*) from ticket where queue_id = ?").param(queue).query(Long.class).single();
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}
}
