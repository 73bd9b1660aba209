package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.TestMail;
import org.helpdesk.ticket.MailEvents.TicketOpenedByMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing looping: a message whose change fails is kept whole in quarantine (and the failed change
 * leaves nothing behind), administrators take it in again or delete it; automatic answers and bounces never open a
 * ticket and never cause a mail.
 */
@Import(InboundMailSafetyTests.Sabotage.class)
abstract class InboundMailSafetyTests extends InboundMailSupport {

	/** Makes the next ticket opened by mail fail inside its transaction, as a full disk or a bug would. */
	static class BreakingListener {

		final AtomicBoolean armed = new AtomicBoolean();

		@EventListener
		void on(TicketOpenedByMail opened) {
			if (armed.get()) {
				throw new IllegalStateException("disk on fire");
			}
		}
	}

	@TestConfiguration
	static class Sabotage {

		@Bean
		BreakingListener breakingListener() {
			return new BreakingListener();
		}
	}

	@Autowired
	BreakingListener breaking;

	@Test
	void aMessageThatCannotBeProcessedIsQuarantinedWholeAndTakenInAgainLater() {
		String sender = unique("mo") + "@customer.example.test";
		TestMessage message = TestMessage.from(sender, queueAddress, "Quarantined mail");
		JsonNode answer = pushBroken(message);

		assertThat(answer.get("result").asString()).isEqualTo("quarantined");
		assertThat(answer.get("reason").asString()).contains("disk on fire");
		assertThat(ticketsTitled("Quarantined mail")).isZero();
		assertThat(jdbc.sql("select count(*) from inbound_message where message_id = ?")
			.param(message.messageId().replaceAll("[<>]", "")).query(Long.class).single()).isZero();

		JsonNode kept = quarantined("Quarantined mail");
		assertThat(kept.get("sender").asString()).isEqualTo(sender);
		assertThat(kept.get("source").asString()).isEqualTo("HTTP");
		assertThat(kept.get("reason").asString()).contains("disk on fire");
		var raw = client.download("/api/v1/mail/quarantine/" + kept.get("id").asLong() + "/raw", ADMIN, ADMIN_PASSWORD);
		assertThat(raw.body()).isEqualTo(message.bytes());
		// the channel bringing it again does not make a second entry
		pushBroken(message);
		assertThat(client.admin("GET", "/api/v1/mail/quarantine", null).json().valueStream()
			.filter(m -> m.get("subject").asString().equals("Quarantined mail")).count()).isEqualTo(1);

		JsonNode again = client.admin("POST", "/api/v1/mail/quarantine/" + kept.get("id").asLong() + "/reprocess", null)
			.json();
		assertThat(again.get("result").asString()).isEqualTo("created");
		assertThat(client.ticket(again.get("ticket_id").asLong()).get("submitter_email").asString()).isEqualTo(sender);
		assertThat(quarantinedOrNull("Quarantined mail")).isNull();
		assertThat(pushOk(slug, message).get("result").asString()).isEqualTo("duplicate");
		assertThat(client.admin("POST", "/api/v1/mail/quarantine/" + kept.get("id").asLong() + "/reprocess", null)
			.status()).isEqualTo(404);
	}

	@Test
	void administratorsSeeDownloadAndDeleteQuarantinedMailOnTheirPage() {
		pushBroken(TestMessage.from(unique("ned") + "@customer.example.test", queueAddress, "Page quarantine"));
		long id = quarantined("Page quarantine").get("id").asLong();
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);

		Page page = admin.get("/admin/quarantine");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Page quarantine").contains("disk on fire");
		Page raw = admin.get("/admin/quarantine/" + id + "/raw");
		assertThat(raw.body()).contains("Subject: Page quarantine");
		assertThat(raw.header("Content-Disposition")).contains("attachment");
		assertThat(new BrowserlessSession(client.base()).get("/admin/quarantine").body()).doesNotContain("Page quarantine");

		Page deleted = admin.post("/admin/quarantine/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(admin.follow(deleted).body()).doesNotContain("Page quarantine");
		assertThat(quarantinedOrNull("Page quarantine")).isNull();
		assertThat(client.admin("DELETE", "/api/v1/mail/quarantine/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void quarantinedMailCanBeDeletedOverJson() {
		pushBroken(TestMessage.from(unique("oz") + "@customer.example.test", queueAddress, "Json quarantine"));
		long id = quarantined("Json quarantine").get("id").asLong();
		assertThat(client.admin("DELETE", "/api/v1/mail/quarantine/" + id, null).status()).isEqualTo(204);
		assertThat(quarantinedOrNull("Json quarantine")).isNull();
		assertThat(client.admin("GET", "/api/v1/mail/quarantine/" + id + "/raw", null).status()).isEqualTo(404);
	}

	@Test
	void anOutOfOfficeAnswerToOurMailIsAPrivateNoteAndSendsNothing() throws Exception {
		String sender = unique("pat") + "@customer.example.test";
		long ticketId = pushOk(slug, TestMessage.from(sender, queueAddress, "Monitor flickers")).get("ticket_id")
			.asLong();
		MimeMessage confirmation = TestMail.awaitCount(sender, 1).get(0);
		long mailsBefore = mailsAbout(ticketId);

		JsonNode answer = pushOk(slug, TestMessage.from(sender, queueAddress, "Automatic reply: Monitor flickers")
			.header("Auto-Submitted", "auto-replied")
			.replyingTo(confirmation.getMessageID())
			.body("I am out of the office until Monday."));

		assertThat(answer.get("result").asString()).isEqualTo("followup");
		assertThat(answer.get("ticket_id").asLong()).isEqualTo(ticketId);
		JsonNode followUps = client.ticket(ticketId).get("followups");
		JsonNode note = followUps.get(followUps.size() - 1);
		assertThat(note.get("public").asBoolean()).isFalse();
		assertThat(note.get("comment").asString()).contains("out of the office");
		assertThat(mailsAbout(ticketId)).isEqualTo(mailsBefore);

		JsonNode unrelated = pushOk(slug, TestMessage.from(sender, queueAddress, "Out of office")
			.header("Auto-Submitted", "auto-replied"));
		assertThat(unrelated.get("result").asString()).isEqualTo("ignored");
		assertThat(ticketsTitled("Out of office")).isZero();
	}

	@Test
	void aBounceMarksTheAddressAsBouncingAndIsAPrivateNote() throws Exception {
		String sender = unique("quin") + "@customer.example.test";
		String gone = unique("gone") + "@customer.example.test";
		long ticketId = pushOk(slug, TestMessage.from(sender, queueAddress + ", " + gone, "Keyboard missing"))
			.get("ticket_id").asLong();
		MimeMessage toGone = TestMail.awaitCount(gone, 1).get(0);
		long mailsBefore = mailsAbout(ticketId);

		JsonNode answer = pushOk(slug, bounce(gone, toGone.getMessageID(), toGone.getSubject()));

		assertThat(answer.get("result").asString()).isEqualTo("followup");
		assertThat(answer.get("ticket_id").asLong()).isEqualTo(ticketId);
		JsonNode followUps = client.ticket(ticketId).get("followups");
		assertThat(followUps.get(followUps.size() - 1).get("public").asBoolean()).isFalse();
		assertThat(mailsAbout(ticketId)).isEqualTo(mailsBefore);
		assertThat(client.admin("GET", "/api/v1/mail/bounces", null).json().valueStream()
			.map(b -> b.get("email").asString())).contains(gone);
		String page = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD).get("/tickets/" + ticketId).body();
		assertThat(page).contains("cc-bouncing");
	}

	/** A delivery status notification as Postfix writes it, returning the headers of our mail. */
	TestMessage bounce(String recipient, String ourMessageId, String ourSubject) {
		String boundary = "bounce-boundary-1";
		return TestMessage.from("MAILER-DAEMON@mx.customer.example.test", queueAddress,
				"Undelivered Mail Returned to Sender")
			.header("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"")
			.body("--" + boundary + "\nContent-Type: text/plain\n\nYour message could not be delivered to " + recipient
					+ ".\n\n--" + boundary + "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; "
					+ "mx.customer.example.test\n\nFinal-Recipient: rfc822; " + recipient
					+ "\nAction: failed\nStatus: 5.1.1\n\n--" + boundary + "\nContent-Type: text/rfc822-headers\n\n"
					+ "Message-ID: " + ourMessageId + "\nSubject: " + ourSubject + "\nTo: " + recipient + "\n\n--"
					+ boundary + "--\n");
	}

	JsonNode pushBroken(TestMessage message) {
		breaking.armed.set(true);
		try {
			return pushOk(slug, message);
		}
		finally {
			breaking.armed.set(false);
		}
	}

	JsonNode quarantined(String subject) {
		JsonNode found = quarantinedOrNull(subject);
		assertThat(found).as("quarantined " + subject).isNotNull();
		return found;
	}

	JsonNode quarantinedOrNull(String subject) {
		return client.admin("GET", "/api/v1/mail/quarantine", null).json().valueStream()
			.filter(m -> subject.equals(m.get("subject").asString()))
			.findFirst()
			.orElse(null);
	}

}
