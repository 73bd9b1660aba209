package org.helpdesk.inbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.user.GreenMailUser;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mailboxes polled against real servers (GreenMail IMAP, IMAPS, POP3) and a local folder: a message becomes a
 * ticket and leaves its mailbox; a hung server holds up no other mailbox; a failing one shows why on its page; the
 * password goes in and never comes out.
 */
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.inbox.tick=200ms", "helpdesk.inbox.trust-all-certificates=true",
		"helpdesk.inbox.connect-timeout=5s", "helpdesk.inbox.read-timeout=60s" })
abstract class MailboxPollingTests extends FullStackTest {

	@Autowired
	JdbcClient jdbc;

	private final List<ServerSocket> hungServers = new ArrayList<>();

	@AfterEach
	void releaseHungServers() throws IOException {
		for (ServerSocket server : hungServers) {
			server.close();
		}
	}

	@Test
	void mailInAnImapMailboxBecomesATicketAndLeavesTheMailbox() {
		GreenMailUser user = MailServers.newUser();
		String subject = unique("IMAP printer jam ");
		MailServers.deliver(user, subject);

		long queue = queueWithMailbox(server("imap", MailServers.imapPort(), false, user));

		awaitTicket(queue, subject);
		await(() -> MailServers.waiting(user) == 0, "the message left the IMAP mailbox");
	}

	@Test
	void mailInAnImapsMailboxBecomesATicketAndLeavesTheMailbox() {
		GreenMailUser user = MailServers.newUser();
		String subject = unique("IMAPS invoice ");
		MailServers.deliver(user, subject);

		long queue = queueWithMailbox(server("imap", MailServers.imapsPort(), true, user));

		awaitTicket(queue, subject);
		await(() -> MailServers.waiting(user) == 0, "the message left the IMAPS mailbox");
	}

	@Test
	void mailInAPop3MailboxBecomesATicketAndLeavesTheMailbox() {
		GreenMailUser user = MailServers.newUser();
		String first = unique("POP3 first ");
		String second = unique("POP3 second ");
		MailServers.deliver(user, first);
		MailServers.deliver(user, second);

		long queue = queueWithMailbox(server("pop3", MailServers.pop3Port(), false, user));

		awaitTicket(queue, first);
		awaitTicket(queue, second);
		await(() -> MailServers.waiting(user) == 0, "the messages left the POP3 mailbox");
	}

	@Test
	void everyCompleteFileInALocalFolderBecomesATicketAndIsDeleted(@TempDir Path dir) throws IOException {
		String subject = unique("Folder ");
		Files.writeString(dir.resolve("0001.eml"), message(subject), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("0002.eml.tmp"), message("still being written"), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(".0003.eml"), message("hidden"), StandardCharsets.UTF_8);

		long queue = queueWithMailbox(Map.of("email_box_type", "local", "email_box_local_dir", dir.toString()));

		awaitTicket(queue, subject);
		await(() -> !Files.exists(dir.resolve("0001.eml")), "the file was deleted after its ticket committed");
		assertThat(dir.resolve("0002.eml.tmp")).exists();
		assertThat(dir.resolve(".0003.eml")).exists();
		assertThat(ticketsIn(queue)).isEqualTo(1);
	}

	@Test
	void aBatchTakenInSideBySideStillThreadsEveryReplyInMailboxOrder(@TempDir Path dir) throws IOException {
		// each thread's three messages lie next to each other, so a poll that took them in at the same time would
		// open a ticket for a reply whose original had not committed yet, or store the second reply first
		String run = UUID.randomUUID().toString();
		int threads = 15;
		for (int k = 1; k <= threads; k++) {
			String original = "<" + k + "-original." + run + "@example.test>";
			String first = "<" + k + "-first." + run + "@example.test>";
			String second = "<" + k + "-second." + run + "@example.test>";
			String subject = "Batch " + k + " " + run;
			write(dir, k, 1, TestMessage.from("customer" + k + "@example.test", "support@example.test", subject)
				.header("Message-ID", original));
			write(dir, k, 2, TestMessage.from("colleague" + k + "@example.test", "support@example.test", "Re: " + subject)
				.header("Message-ID", first).replyingTo(original));
			write(dir, k, 3, TestMessage.from("customer" + k + "@example.test", "support@example.test",
					"Re: Re: " + subject).header("Message-ID", second).replyingTo(first)
				.header("References", original + " " + first));
		}

		long queue = queueWithMailbox(Map.of("email_box_type", "local", "email_box_local_dir", dir.toString()));

		awaitEmpty(dir);
		assertThat(ticketsIn(queue)).as("one ticket per thread").isEqualTo(threads);
		for (int k = 1; k <= threads; k++) {
			List<Long> tickets = jdbc.sql("""
					select ticket_id from inbound_message where queue_id = ? and message_id like ? order by followup_id""")
				.params(queue, k + "-%." + run + "@example.test").query(Long.class).list();
			List<String> order = jdbc.sql("""
					select message_id from inbound_message where queue_id = ? and message_id like ? order by followup_id""")
				.params(queue, k + "-%." + run + "@example.test").query(String.class).list();
			assertThat(tickets).as("thread %d on one ticket", k).hasSize(3).containsOnly(tickets.get(0));
			assertThat(order).as("thread %d in mailbox order", k).containsExactly(k + "-original." + run + "@example.test",
					k + "-first." + run + "@example.test", k + "-second." + run + "@example.test");
		}
	}

	@Test
	void aReplyInALaterBatchThreadsOntoTheMessageItAnswersInAnEarlierOne(@TempDir Path dir) throws IOException {
		// a poll reads the next batch while the one before is taken in: a batch of originals, then a batch of replies
		// to them, the last original answered first, so a batch taken in before the one before it had committed
		// would open a ticket for a reply
		String run = UUID.randomUUID().toString();
		int originals = MailboxPoller.HAND_OVER;
		for (int k = 1; k <= originals; k++) {
			String original = "<" + k + "-original." + run + "@example.test>";
			Files.write(dir.resolve("%03d.eml".formatted(k)), TestMessage.from("customer" + k + "@example.test",
					"support@example.test", "Later batch " + k + " " + run).header("Message-ID", original).bytes());
			Files.write(dir.resolve("%03d.eml".formatted(2 * originals + 1 - k)),
					TestMessage.from("customer" + k + "@example.test", "support@example.test",
							"Re: Later batch " + k + " " + run)
						.header("Message-ID", "<" + k + "-reply." + run + "@example.test>").replyingTo(original).bytes());
		}

		long queue = queueWithMailbox(Map.of("email_box_type", "local", "email_box_local_dir", dir.toString()));

		awaitEmpty(dir);
		assertThat(ticketsIn(queue)).as("one ticket per original, every reply on it").isEqualTo(originals);
		assertThat(jdbc.sql("""
				select count(*) from inbound_message where queue_id = ? and message_id like ? and result = 'followup'""")
			.params(queue, "%-reply." + run + "@example.test").query(Long.class).single())
			.as("replies taken in as follow-ups").isEqualTo(originals);
	}

	private static void awaitEmpty(Path dir) {
		await(() -> {
			try (var left = Files.list(dir)) {
				return left.findAny().isEmpty();
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
		}, "every file taken in");
	}

	private static void write(Path dir, int thread, int position, TestMessage message) throws IOException {
		Files.write(dir.resolve("%03d-%d.eml".formatted(thread, position)), message.bytes());
	}

	@Test
	void aHungMailServerDoesNotDelayAnotherMailbox(@TempDir Path dir) throws IOException {
		ServerSocket hung = hungServer();
		List<Socket> connections = acceptForever(hung);
		long hanging = queueWithMailbox(Map.of("email_box_type", "imap", "email_box_host", "127.0.0.1",
				"email_box_port", hung.getLocalPort(), "email_box_user", "nobody", "email_box_pass", "x"));
		await(() -> !connections.isEmpty(), "the poller connected to the hung server");

		String subject = unique("While another server hangs ");
		Files.writeString(dir.resolve("1.eml"), message(subject), StandardCharsets.UTF_8);
		long working = queueWithMailbox(Map.of("email_box_type", "local", "email_box_local_dir", dir.toString()));

		// the hung server answers nothing for the whole read timeout (60 s); this ticket does not wait for it
		awaitTicket(working, subject);
		assertThat(lastError(hanging)).as("the hung mailbox is still waiting for its server").isNull();
	}

	@Test
	void aFailingMailboxShowsWhyOnItsAdminPage() throws IOException {
		int closedPort;
		try (ServerSocket free = new ServerSocket(0)) {
			closedPort = free.getLocalPort();
		}
		long queue = queueWithMailbox(Map.of("email_box_type", "pop3", "email_box_host", "127.0.0.1",
				"email_box_port", closedPort, "email_box_user", "nobody", "email_box_pass", "x"));

		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		await(() -> admin.get("/admin/queues/" + queue).body().contains("id=\"mailbox-last-error\""),
				"the page shows the last error");
		String page = admin.get("/admin/queues/" + queue).body();
		assertThat(page).contains("cannot connect").contains("Last checked:").doesNotContain("Exception");
	}

	@Test
	void thePasswordIsWriteOnlyAndEncryptedAtRest() {
		GreenMailUser user = MailServers.newUser();
		String password = MailServers.password(user.getLogin());
		Map<String, Object> box = new HashMap<>(server("imap", MailServers.imapPort(), false, user));
		box.put("allow_email_submission", false);

		Response created = client.admin("POST", "/api/v1/queues", queue(box));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.body()).doesNotContain(password).doesNotContain("email_box_pass\"");
		assertThat(created.json().get("email_box_pass_set").asBoolean()).isTrue();
		assertThat(client.admin("GET", "/api/v1/queues/" + id, null).body()).doesNotContain(password);
		assertThat(client.admin("GET", "/api/v1/queues", null).body()).doesNotContain(password);
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/queues/" + id).body()).doesNotContain(password);
		String stored = jdbc.sql("select email_box_pass from queue where id = ?").param(id).query(String.class).single();
		assertThat(stored).isNotBlank().doesNotContain(password);

		// saved again through the form with the password field left empty: the stored password still works
		Map<String, String> form = new HashMap<>(Map.of("title", "Queue " + id, "slug", "pw" + id,
				"emailBoxType", "imap", "emailBoxHost", "127.0.0.1", "emailBoxPort",
				Integer.toString(MailServers.imapPort()), "emailBoxUser", user.getLogin(), "emailBoxPass", "",
				"emailBoxImapFolder", "INBOX", "emailBoxInterval", "60"));
		assertThat(admin.post("/admin/queues/" + id, form).status()).isEqualTo(302);
		Response test = client.admin("POST", "/api/v1/queues/" + id + "/mailbox/test", null);
		assertThat(test.json().get("ok").asBoolean()).as(test.body()).isTrue();
	}

	@Test
	void theConnectionTestCountsWaitingMailOrSaysWhyItFailed() {
		GreenMailUser user = MailServers.newUser();
		MailServers.deliver(user, unique("waiting one "));
		MailServers.deliver(user, unique("waiting two "));
		Map<String, Object> box = new HashMap<>(server("imap", MailServers.imapPort(), false, user));
		box.put("allow_email_submission", false); // not polled: the messages stay
		long id = client.createQueue(queue(box));

		Response ok = client.admin("POST", "/api/v1/queues/" + id + "/mailbox/test", null);
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("ok").asBoolean()).isTrue();
		assertThat(ok.json().get("messages").asInt()).isEqualTo(2);
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/queues/" + id);
		assertThat(admin.follow(admin.post("/admin/queues/" + id + "/mailbox/test", Map.of())).body())
			.contains("Connected: 2 messages waiting.");

		String wrong = "Wrong-Password-" + UUID.randomUUID();
		client.admin("PATCH", "/api/v1/queues/" + id, Map.of("email_box_pass", wrong));
		Response refused = client.admin("POST", "/api/v1/queues/" + id + "/mailbox/test", null);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.json().get("ok").asBoolean()).isFalse();
		assertThat(refused.json().get("reason").asString()).isNotBlank();
		assertThat(refused.body()).doesNotContain(wrong).doesNotContain("Exception").doesNotContain("at org.")
			.doesNotContain("\"messages\"");
	}

	@Test
	void badMailboxSettingsAreRefusedWithFieldAndReason() {
		Response bad = client.admin("POST", "/api/v1/queues", queue(Map.of("email_box_type", "exchange",
				"email_box_host", "bad host!", "email_box_port", 70000, "email_box_local_dir", "relative/dir",
				"email_box_interval", 5)));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		Map<String, String> errors = new HashMap<>();
		bad.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("reason").asString()));
		assertThat(errors).containsOnlyKeys("email_box_type", "email_box_host", "email_box_port",
				"email_box_local_dir", "email_box_interval");

		Response noHost = client.admin("POST", "/api/v1/queues", queue(Map.of("email_box_type", "pop3")));
		assertThat(noHost.status()).isEqualTo(400);
		assertThat(noHost.body()).contains("email_box_host").contains("email_box_user");
		Response noFolder = client.admin("POST", "/api/v1/queues", queue(Map.of("email_box_type", "local")));
		assertThat(noFolder.body()).contains("email_box_local_dir");

		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/queues/new");
		String slug = unique("form");
		var page = admin.post("/admin/queues", Map.of("title", "Form", "slug", slug, "emailBoxType", "local",
				"emailBoxLocalDir", "relative/dir", "emailBoxInterval", "5", "emailBoxPort", "70000"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Local folder: must be an absolute path")
			.contains("Poll interval (seconds): must be between 10 and 86400 seconds")
			.contains("Port: must be between 1 and 65535");
	}

	@Test
	void newMailInAnIdleImapMailboxBecomesATicketWithinSeconds() {
		GreenMailUser user = MailServers.newUser();
		Map<String, Object> box = new HashMap<>(server("imap", MailServers.imapPort(), false, user));
		box.put("email_box_interval", 86_400);
		long queue = queueWithMailbox(box);
		await(() -> jdbc.sql("select count(*) from mailbox_poll where queue_id = ?").param(queue).query(Long.class)
			.single() > 0, "the first poll of the mailbox");
		await(() -> jdbc.sql("select count(*) from shedlock where name = ? and lock_until > current_timestamp")
			.param("mailbox-idle-" + queue).query(Long.class).single() > 0, "a node watching the mailbox");

		String subject = unique("Pushed by IDLE ");
		MailServers.deliver(user, subject);

		// the next interval poll is a day away: only IDLE brings this mail in
		awaitTicket(queue, subject);
	}

	private static Map<String, Object> server(String type, int port, boolean ssl, GreenMailUser user) {
		return Map.of("email_box_type", type, "email_box_host", "127.0.0.1", "email_box_port", port, "email_box_ssl",
				ssl, "email_box_user", user.getLogin(), "email_box_pass", MailServers.password(user.getLogin()),
				"email_box_interval", 10);
	}

	private Map<String, Object> queue(Map<String, Object> box) {
		String slug = unique("mbx");
		Map<String, Object> fields = new HashMap<>(Map.of("title", "Mail " + slug, "slug", slug,
				"allow_email_submission", true));
		fields.putAll(box);
		return fields;
	}

	private long queueWithMailbox(Map<String, Object> box) {
		return client.createQueue(queue(box));
	}

	private void awaitTicket(long queue, String subject) {
		await(() -> jdbc.sql("select count(*) from ticket where queue_id = ? and title = ?").params(queue, subject)
			.query(Long.class).single() == 1, "a ticket titled " + subject);
	}

	private long ticketsIn(long queue) {
		return jdbc.sql("select count(*) from ticket where queue_id = ?").param(queue).query(Long.class).single();
	}

	private String lastError(long queue) {
		return jdbc.sql("select last_error from mailbox_poll where queue_id = ?").param(queue).query(String.class)
			.optional().orElse(null);
	}

	static String message(String subject) {
		return "From: customer@example.test\r\nTo: support@example.test\r\nSubject: " + subject
				+ "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.test>\r\n\r\nText of " + subject + "\r\n";
	}

	private ServerSocket hungServer() throws IOException {
		ServerSocket server = new ServerSocket(0);
		hungServers.add(server);
		return server;
	}

	/** Accepts connections and never says a word on them. */
	private static List<Socket> acceptForever(ServerSocket server) {
		List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
		Thread thread = new Thread(() -> {
			try {
				while (true) {
					accepted.add(server.accept());
				}
			}
			catch (IOException closed) {
				accepted.forEach(s -> {
					try {
						s.close();
					}
					catch (IOException ignored) {
						// closing anyway
					}
				});
			}
		});
		thread.setDaemon(true);
		thread.start();
		return accepted;
	}

	static void await(BooleanSupplier condition, String what) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Waited 20 s in vain for: " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
