package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The headers of the mail we send, as the recipient's mail server receives it over SMTP: loop protection, the
 * ticket's thread, and the queue's address to reply to.
 */
abstract class MailHeadersTests extends FullStackTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketReader tickets;

	@Autowired
	QueueManagement queues;

	@Autowired
	MailComposer composer;

	@Autowired
	MailOutbox outbox;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void everyMailTellsAutoRespondersNotToAnswerAndRepliesGoToTheQueue() throws Exception {
		String slug = unique("hdr");
		long queue = client.createQueue(Map.of("title", "Queue " + slug, "slug", slug, "email_address",
				slug + "@queue.example.test"));
		String submitter = unique("sub") + "@example.test";

		long id = openTicket(queue, submitter);

		MimeMessage mail = TestMail.awaitCount(submitter, 1).get(0);
		assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
		assertThat(header(mail, "X-Auto-Response-Suppress")).isEqualTo("All");
		assertThat(header(mail, "Precedence")).isEqualTo("bulk");
		assertThat(mail.getReplyTo()).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactly(slug + "@queue.example.test");
		assertThat(ids(header(mail, "References"))).containsExactly("<ticket-" + id + "@localhost>");
		assertThat(mail.getHeader("In-Reply-To")).isNull();
	}

	@Test
	void aSecondMailAboutATicketAnswersTheFirstInTheSameThread() throws Exception {
		long queue = client.createQueue(unique("thr"));
		String submitter = unique("sub") + "@example.test";
		long id = openTicket(queue, submitter);
		MimeMessage first = TestMail.awaitCount(submitter, 1).get(0);

		assertThat(legacy("add_followup", "ticket", id, "message", "We ordered toner", "public", "y").status())
			.isEqualTo(200);

		MimeMessage second = TestMail.awaitCount(submitter, 2).get(1);
		assertThat(second.getMessageID()).isNotEqualTo(first.getMessageID());
		assertThat(header(second, "In-Reply-To")).isEqualTo(first.getMessageID());
		assertThat(ids(header(second, "References"))).containsExactly("<ticket-" + id + "@localhost>",
				first.getMessageID());
		assertThat(jdbc.sql("select message_id from mail_outbox where ticket_id = ? order by id").param(id)
			.query(String.class).list()).containsExactly(first.getMessageID(), second.getMessageID());
	}

	@Test
	void theMessageIdsOfOurMailOutliveTheTicket() throws Exception {
		long queue = client.createQueue(unique("del"));
		String submitter = unique("sub") + "@example.test";
		long id = openTicket(queue, submitter);
		String sent = TestMail.awaitCount(submitter, 1).get(0).getHeader("Message-ID")[0];

		assertThat(legacy("delete_ticket", "ticket", id, "confirm", "yes").status()).isEqualTo(200);

		assertThat(jdbc.sql("select message_id from mail_outbox where ticket_id = ?").param(id).query(String.class)
			.list()).containsExactly(sent);
	}

	@Test
	void aQueueWithoutAnAddressSetsNoReplyTo() throws Exception {
		long queue = client.createQueue(unique("noaddr"));
		String submitter = unique("sub") + "@example.test";

		openTicket(queue, submitter);

		MimeMessage mail = TestMail.awaitCount(submitter, 1).get(0);
		assertThat(mail.getHeader("Reply-To")).isNull();
		assertThat(header(mail, "Auto-Submitted")).isEqualTo("auto-generated");
	}

	@Test
	void aMailAnsweringInboundMailIsAutoRepliedAndAnswersThatMail() throws Exception {
		long queue = client.createQueue(unique("ans"));
		String submitter = unique("sub") + "@example.test";
		long id = openTicket(queue, submitter);
		MimeMessage opened = TestMail.awaitCount(submitter, 1).get(0);
		TicketDetails ticket = tickets.details(id).orElseThrow();
		TicketNews news = TicketNews.of(ticket, queues.get(queue), Optional.empty(), Optional.empty())
			.answering("reply-1@customer.example");

		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.enqueue(
				composer.compose(new Recipient(MailTemplate.UPDATED_SUBMITTER, submitter), news, OptionalLong.empty())));

		MimeMessage answer = TestMail.awaitCount(submitter, 2).get(1);
		assertThat(header(answer, "Auto-Submitted")).isEqualTo("auto-replied");
		assertThat(header(answer, "In-Reply-To")).isEqualTo("<reply-1@customer.example>");
		assertThat(ids(header(answer, "References"))).containsExactly("<ticket-" + id + "@localhost>",
				opened.getMessageID(), "<reply-1@customer.example>");
	}

	private long openTicket(long queue, String submitter) {
		Response response = legacy("create_ticket", "queue", queue, "title", "Printer broken", "submitter_email",
				submitter, "body", "It makes a noise");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body());
	}

	private Response legacy(String method, Object... keyValues) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD));
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
		}
		return client.legacy(method, fields);
	}

	private static String header(MimeMessage mail, String name) throws MessagingException {
		String[] values = mail.getHeader(name);
		assertThat(values).as(name).isNotNull().hasSize(1);
		return values[0];
	}

	/** The Message-IDs of a References header, unfolded. */
	private static List<String> ids(String references) {
		return Arrays.stream(references.trim().split("\\s+")).toList();
	}
}
