package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the inbound-mail suites share: a queue with an address of its own per test, pushing raw messages over HTTP as
 * an administrator, and reading what came of them. The limits are small so that tests can reach them.
 */
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.inbox.max-message-size=64KB", "helpdesk.inbox.sender-limit=3" })
abstract class InboundMailSupport extends FullStackTest {

	static final String HELPDESK_FROM = "helpdesk@example.test";

	@Autowired
	JdbcClient jdbc;

	String slug;

	String queueAddress;

	long queueId;

	@BeforeEach
	void queue() {
		slug = unique("in");
		queueAddress = slug + "@support.example.test";
		queueId = client.createQueue(Map.of("title", "Inbox " + slug, "slug", slug, "email_address", queueAddress));
	}

	JsonNode pushOk(String queue, TestMessage message) {
		Response response = post("/api/v1/mail/inbound?queue=" + queue, "message/rfc822", message.bytes(), ADMIN,
				ADMIN_PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	Response post(String path, String contentType, byte[] body, String user, String password) {
		return client.raw(path, contentType, body, user == null ? null : HelpdeskClient.basic(user, password));
	}

	static void assertProblem(Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("errors").get(0).get("reason").asString()).isNotBlank();
	}

	long ticketsTitled(String title) {
		return jdbc.sql("select count(*) from ticket where title = ?").param(title).query(Long.class).single();
	}

	long mailsAbout(long ticketId) {
		return jdbc.sql("select count(*) from mail_outbox where ticket_id = ?").param(ticketId).query(Long.class)
			.single();
	}

	static String subject(MimeMessage mail) {
		return TestMail.subjects(List.of(mail)).get(0);
	}

	static List<String> subjects(List<MimeMessage> mails) {
		return TestMail.subjects(mails);
	}

	/** The text of a mail as a reader sees it (every text part, decoded). */
	static String body(Part mail) {
		try {
			if (mail.isMimeType("text/*")) {
				return String.valueOf(mail.getContent());
			}
			StringBuilder text = new StringBuilder();
			if (mail.getContent() instanceof Multipart parts) {
				for (int i = 0; i < parts.getCount(); i++) {
					text.append(body(parts.getBodyPart(i)));
				}
			}
			return text.toString();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
