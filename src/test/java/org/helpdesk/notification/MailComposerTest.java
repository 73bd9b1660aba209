package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;
import org.helpdesk.queue.Queue;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailComposerTest {

	private static final NotificationSettings SETTINGS = new NotificationSettings("helpdesk@example.test",
			Duration.ofSeconds(1), Duration.ofSeconds(30), 20, Duration.ofMinutes(2));

	private final MailComposer composer = new MailComposer(() -> "https://help.example.test", SETTINGS);

	private final MailRenderer renderer = new MailRenderer();

	private static final Queue QUEUE = new Queue(3, "Billing & Co", "billing", "billing@example.test", null, null, null,
			false, false, null, null);

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class, mode = EnumSource.Mode.EXCLUDE, names = "WEBHOOK_DISABLED")
	void everyTemplateRendersTextAndHtmlWithTheTicketReference(MailTemplate template) {
		OutgoingMail mail = compose(new Recipient(template, "to@example.test"), news(ticket("Printer"), "Hi"));
		MailBodies bodies = render(mail);
		assertThat(bodies.text()).contains("billing-42").doesNotContain("[(", "th:");
		assertThat(bodies.html()).contains("billing-42").contains("<html").doesNotContain("th:");
		assertThat(mail.template()).isEqualTo(template);
	}

	@Test
	void theMailAboutADisabledWebhookNamesItsAddressAndTheLastErrorEscaped() {
		MailBodies bodies = renderer.render(MailTemplate.WEBHOOK_DISABLED, new MailSnapshot(java.util.Map.of(
				"subject", "Webhook 7 disabled", "url", "https://example.com/hook?a=1&b=<2>", "since",
				"2026-12-05T10:00:00Z", "error", "HTTP 500", "link", "https://helpdesk.example/admin/webhooks")));
		assertThat(bodies.text()).contains("https://example.com/hook?a=1&b=<2>", "2026-12-05T10:00:00Z", "HTTP 500",
				"https://helpdesk.example/admin/webhooks").doesNotContain("[(", "th:");
		assertThat(bodies.html()).contains("https://example.com/hook?a=1&amp;b=&lt;2&gt;", "HTTP 500").doesNotContain("th:");
	}

	@Test
	void subjectCarriesReferenceTitleAndWhatHappened() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.ASSIGNED_OWNER, "o@example.test"),
				news(ticket("Printer broken"), null));
		assertThat(mail.subject()).isEqualTo("[billing-42] Printer broken (Assigned To You)");
	}

	@Test
	void lineBreaksInTitleCannotStartNewHeaders() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.NEWTICKET_SUBMITTER, "s@example.test"),
				news(ticket("Hello\r\nBcc: victim@example.test\nX"), null));
		assertThat(mail.subject()).doesNotContain("\r", "\n")
			.isEqualTo("[billing-42] Hello Bcc: victim@example.test X (Opened)");
	}

	@Test
	void htmlBodyEscapesWhatUsersWrote() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.UPDATED_CC, "cc@example.test"),
				news(ticket("<b>bold</b>"), "<script>alert(1)</script>\nsecond line"));
		assertThat(render(mail).html()).doesNotContain("<script>", "<b>bold")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;");
		assertThat(render(mail).text()).contains("<script>alert(1)</script>\nsecond line");
	}

	@Test
	void submitterAndCcMailLinksToThePublicViewWithTheSecretKey() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.UPDATED_SUBMITTER, "cc@example.test"),
				news(ticket("T"), "done"));
		String link = "https://help.example.test/view/?ticket=billing-42&email=sub%2Bx%40example.test&key=s3cr3t";
		assertThat(render(mail).text()).contains(link).doesNotContain("/tickets/42/");
		assertThat(render(mail).html()).contains(link.replace("&", "&amp;"));
	}

	@Test
	void staffMailLinksToTheStaffPageAndNeverTheSecretKey() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.RESOLVED_OWNER, "o@example.test"),
				news(ticket("T"), "fixed"));
		assertThat(render(mail).text()).contains("https://help.example.test/tickets/42/").doesNotContain("s3cr3t");
		assertThat(render(mail).html()).doesNotContain("s3cr3t");
	}

	@Test
	void senderIsTheQueueAddressWithItsTitle() throws Exception {
		OutgoingMail mail = compose(new Recipient(MailTemplate.NEWTICKET_CC, "c@example.test"),
				news(ticket("T"), null));
		InternetAddress sender = new InternetAddress(mail.sender(), true);
		assertThat(sender.getAddress()).isEqualTo("billing@example.test");
		assertThat(sender.getPersonal()).isEqualTo("Billing & Co");
	}

	@Test
	void senderFallsBackToTheConfiguredAddressForQueuesWithoutOne() {
		Queue queue = new Queue(3, "Billing", "billing", null, null, null, null, false, false, null, null);
		OutgoingMail mail = compose(new Recipient(MailTemplate.NEWTICKET_CC, "c@example.test"),
				TicketNews.of(ticket("T"), queue, Optional.empty(), Optional.empty()));
		assertThat(mail.sender()).isEqualTo("helpdesk@example.test");
		assertThat(mail.replyTo()).isEmpty();
	}

	@Test
	void repliesGoToTheQueueAddress() throws Exception {
		OutgoingMail mail = compose(new Recipient(MailTemplate.UPDATED_SUBMITTER, "s@example.test"),
				news(ticket("T"), "Hi"));
		assertThat(new InternetAddress(mail.replyTo().orElseThrow(), true).getAddress())
			.isEqualTo("billing@example.test");
	}

	@Test
	void everyMailOfATicketSharesItsThreadRootAndOnlyMailCausedByInboundMailIsAnAnswer() {
		OutgoingMail notice = compose(new Recipient(MailTemplate.UPDATED_CC, "c@example.test"), news(ticket("T"), "x"));
		OutgoingMail answer = compose(new Recipient(MailTemplate.UPDATED_SUBMITTER, "s@example.test"),
				news(ticket("T"), "x").answering("<in-1@customer.example>"));
		assertThat(notice.thread().root()).isEqualTo(answer.thread().root()).isEqualTo("<ticket-42@help.example.test>");
		assertThat(notice.thread().autoSubmitted()).isEqualTo("auto-generated");
		assertThat(answer.thread().autoSubmitted()).isEqualTo("auto-replied");
		assertThat(answer.thread().inReplyTo()).contains("<in-1@customer.example>");
	}

	@Test
	void everyMailGetsItsOwnMessageIdOnTheHelpdeskHost() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			ids.add(compose(new Recipient(MailTemplate.NEWTICKET_CC, "c@example.test"), news(ticket("T"), null))
				.messageId());
		}
		assertThat(ids).hasSize(50).allMatch(id -> id.matches("<[0-9a-f]{12}\\.[0-9a-f]{24}@help\\.example\\.test>"));
	}

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class, names = { "RESOLVED_SUBMITTER", "CLOSED_SUBMITTER" })
	void customerMailLeavesOutAResolutionGivenInPrivate(MailTemplate template) {
		OutgoingMail mail = compose(new Recipient(template, "to@example.test"),
				news(ticket("T", "Internal: fraud", false), null));
		assertThat(mail.snapshot().values()).doesNotContainKey("resolution");
		assertThat(render(mail).text() + render(mail).html()).doesNotContain("fraud");
	}

	@Test
	void ownerMailShowsAResolutionGivenInPrivate() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.RESOLVED_OWNER, "o@example.test"),
				news(ticket("T", "Internal: fraud", false), null));
		assertThat(render(mail).text()).contains("Internal: fraud");
	}

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class, names = { "UPDATED_SUBMITTER", "CLOSED_SUBMITTER" })
	void customerMailLeavesOutAPrivateComment(MailTemplate template) {
		OutgoingMail mail = compose(new Recipient(template, "to@example.test"),
				news(ticket("T"), "Internal: rude customer", false));
		assertThat(render(mail).text() + render(mail).html()).doesNotContain("rude");
	}

	@Test
	void snapshotKeepsOnlyTheTextsTheTemplateShows() {
		OutgoingMail mail = compose(new Recipient(MailTemplate.NEWTICKET_CC, "c@example.test"),
				news(ticket("T"), "A comment"));
		assertThat(mail.snapshot().values()).containsKey("description").doesNotContainKeys("comment", "resolution");
		assertThat(MailSnapshot.decode(mail.snapshot().encoded())).isEqualTo(mail.snapshot());
	}

	@Test
	void snapshotKeepsAnyTextIntactThroughTheOutbox() {
		MailSnapshot snapshot = new MailSnapshot(java.util.Map.of("comment", "a&b=c%20 + \n\r\t ✓ 😀 <x>", "ref", ""));
		assertThat(MailSnapshot.decode(snapshot.encoded())).isEqualTo(snapshot);
	}

	private OutgoingMail compose(Recipient recipient, TicketNews news) {
		return composer.compose(recipient, news, OptionalLong.of(5));
	}

	private MailBodies render(OutgoingMail mail) {
		return renderer.render(mail.template(), mail.snapshot());
	}

	private static TicketNews news(TicketDetails ticket, String comment) {
		return news(ticket, comment, true);
	}

	private static TicketNews news(TicketDetails ticket, String comment, boolean isPublic) {
		return TicketNews.of(ticket, QUEUE, Optional.of("Olga Owner"),
				Optional.ofNullable(comment).map(text -> new TicketNews.FollowUpText(text, isPublic)));
	}

	private static TicketDetails ticket(String title) {
		return ticket(title, "Replaced", true);
	}

	private static TicketDetails ticket(String title, String resolution, boolean resolutionPublic) {
		Instant now = Instant.parse("2026-01-02T03:04:05Z");
		return new TicketDetails(42, "billing-42", 3, title, "It <i>smokes</i>", resolution, "sub+x@example.test", 7L,
				TicketStatus.OPEN, 3, false, null, now, now, "s3cr3t", List.of(), resolutionPublic, 0);
	}
}
