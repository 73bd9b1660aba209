package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.CustomerTickets;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.helpdesk.web.list.BulkActions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Who hears about what, over real HTTP and real SMTP. Every test uses addresses of its own, so the shared GreenMail
 * server never mixes up tests. A mail that must not be sent is checked in the outbox, which the API call writes in
 * its own transaction, and in GreenMail after a mail the same change certainly sends has arrived.
 */
@DirtiesContext
abstract class NotificationTests extends FullStackTest {

	private static final String AGENT_PASSWORD = "agent-password-1";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	@Autowired
	CustomerTickets customers;

	@Autowired
	BulkActions bulk;

	@Autowired
	TicketReader reader;

	@Autowired
	AccountManagement accounts;

	String slug;

	long queue;

	String queueAddress;

	String newCc;

	String updatedCc;

	String submitter;

	String owner;

	long ownerId;

	@BeforeEach
	void queueWithCcListsAndAnOwner() {
		slug = unique("n");
		queueAddress = slug + "@queue.example.test";
		newCc = unique("new") + "@example.test";
		updatedCc = unique("upd") + "@example.test";
		submitter = unique("sub") + "@example.test";
		queue = client.createQueue(Map.of("title", "Queue " + slug, "slug", slug, "email_address", queueAddress,
				"new_ticket_cc", newCc, "updated_ticket_cc", updatedCc));
		owner = unique("owner") + "@example.test";
		ownerId = client.createUser(unique("owner"), AGENT_PASSWORD, "agent", owner, List.of());
	}

	@Test
	void newTicketMailsSubmitterOwnerAndBothQueueCcLists() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Printer broken", submitter, ownerId);
		String ref = slug + "-" + id;
		assertThat(only(submitter).subject()).isEqualTo("[" + ref + "] Printer broken (Opened)");
		assertThat(only(owner).subject()).isEqualTo("[" + ref + "] Printer broken (Assigned To You)");
		assertThat(only(newCc).subject()).isEqualTo("[" + ref + "] Printer broken (Opened)");
		assertThat(only(updatedCc).subject()).isEqualTo("[" + ref + "] Printer broken (Opened)");
		assertThat(outbox(id)).containsExactlyInAnyOrder("newticket_submitter " + submitter,
				"assigned_owner " + owner, "newticket_cc " + newCc, "newticket_cc " + updatedCc);
	}

	@Test
	void addressInSeveralRolesIsMailedOnlyOnce() {
		patch("/api/v1/queues/" + queue,
				Map.of("new_ticket_cc", submitter.toUpperCase(), "updated_ticket_cc", submitter + "," + updatedCc));
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Twice", submitter, ownerId);
		TestMail.awaitCount(owner, 1);
		assertThat(TestMail.awaitCount(updatedCc, 1)).hasSize(1);
		assertThat(TestMail.awaitCount(submitter, 1)).hasSize(1);
		assertThat(outbox(id)).containsExactlyInAnyOrder("newticket_submitter " + submitter,
				"newticket_cc " + updatedCc, "assigned_owner " + owner);
	}

	@Test
	void agentIsNotMailedAboutTicketsTheyOpenForThemselves() {
		String agent = unique("agent");
		String agentAddress = agent + "@example.test";
		long agentId = client.createUser(agent, AGENT_PASSWORD, "agent", agentAddress, List.of());
		patch("/api/v1/queues/" + queue, Map.of("new_ticket_cc", agentAddress + "," + newCc));
		long id = openTicket(agent, AGENT_PASSWORD, "Mine", submitter, agentId);
		TestMail.awaitCount(newCc, 1);
		TestMail.awaitCount(updatedCc, 1);
		assertThat(TestMail.to(agentAddress)).isEmpty();
		assertThat(outbox(id)).containsExactlyInAnyOrder("newticket_submitter " + submitter,
				"newticket_cc " + newCc, "newticket_cc " + updatedCc);
	}

	@Test
	void queueOwnAddressNeverReceivesMail() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Loop", queueAddress, null);
		TestMail.awaitCount(updatedCc, 1);
		assertThat(TestMail.to(queueAddress)).isEmpty();
		assertThat(outbox(id)).containsExactlyInAnyOrder("newticket_cc " + newCc, "newticket_cc " + updatedCc);
	}

	@Test
	void publicFollowUpMailsSubmitterTicketCcsQueueCcAndOwner() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Public", submitter, ownerId);
		String cc = addCc(id);
		assertThat(call("add_followup", "ticket", id, "message", "We ordered toner", "public", "y").status())
			.isEqualTo(200);
		String subject = "[" + slug + "-" + id + "] Public (Updated)";
		for (String address : List.of(submitter, cc, updatedCc, owner)) {
			List<MimeMessage> mails = TestMail.awaitTo(address, m -> TestMail.subjects(m).contains(subject));
			assertThat(ReceivedMail.of(mails.get(mails.size() - 1)).text()).contains("We ordered toner");
		}
		assertThat(TestMail.to(newCc)).hasSize(1);
	}

	@Test
	void privateFollowUpIsNotMailedToSubmitterOrTicketCcs() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Private", submitter, ownerId);
		String cc = addCc(id);
		TestMail.awaitCount(submitter, 1);
		call("add_followup", "ticket", id, "message", "Internal note: customer is rude", "public", "n");
		TestMail.awaitCount(updatedCc, 2);
		TestMail.awaitCount(owner, 2);
		assertThat(TestMail.subjects(TestMail.to(submitter))).noneMatch(s -> s.endsWith("(Updated)"));
		assertThat(TestMail.to(cc)).isEmpty();
		assertThat(outbox(id)).filteredOn(row -> row.startsWith("updated_"))
			.containsExactlyInAnyOrder("updated_cc " + updatedCc, "updated_owner " + owner);
	}

	@Test
	void ownerWhoTurnedChangeMailOffIsNotMailedAboutComments() {
		patch("/api/v1/users/" + ownerId, Map.of("email_on_ticket_change", false));
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Quiet", submitter, ownerId);
		call("add_followup", "ticket", id, "message", "Anyone?", "public", "y");
		TestMail.awaitCount(updatedCc, 2);
		assertThat(TestMail.subjects(TestMail.awaitCount(owner, 1))).containsExactly(
				"[" + slug + "-" + id + "] Quiet (Assigned To You)");
	}

	@Test
	void resolutionIsMailedToEveryoneWithItsText() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Fix me", submitter, ownerId);
		String cc = addCc(id);
		assertThat(call("resolve", "ticket", id, "resolution", "Replaced the fuser").status()).isEqualTo(200);
		String subject = "[" + slug + "-" + id + "] Fix me (Resolved)";
		for (String address : List.of(submitter, cc, updatedCc, owner)) {
			List<MimeMessage> mails = TestMail.awaitTo(address, m -> TestMail.subjects(m).contains(subject));
			ReceivedMail mail = ReceivedMail.of(mails.get(mails.size() - 1));
			assertThat(mail.text()).contains("Replaced the fuser");
			assertThat(mail.html()).contains("Replaced the fuser");
		}
	}

	@Test
	void mailHasTextAndEscapedHtmlAlternativesFromTheQueueAddress() throws Exception {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "<b>Bold</b> & \"quoted\"", submitter, null);
		call("add_followup", "ticket", id, "message", "<script>alert('x')</script>", "public", "y");
		ReceivedMail mail = ReceivedMail.of(TestMail.awaitCount(submitter, 2).get(1));
		assertThat(mail.contentType()).startsWith("multipart/alternative");
		assertThat(mail.text()).contains("<script>alert('x')</script>");
		assertThat(mail.html()).doesNotContain("<script>", "<b>Bold")
			.contains("&lt;script&gt;", "&lt;b&gt;Bold&lt;/b&gt;");
		assertThat(mail.from().getAddress()).isEqualTo(queueAddress);
		assertThat(mail.from().getPersonal()).isEqualTo("Queue " + slug);
		assertThat(mail.text()).contains("/view/?ticket=" + slug + "-" + id + "&email=").contains("&key=");
		assertThat(ReceivedMail.of(TestMail.awaitCount(updatedCc, 2).get(1)).text())
			.contains(client.base() + "/tickets/" + id + "/").doesNotContain("key=");
	}

	@Test
	void everyMailHasItsOwnMessageIdRememberedInTheOutbox() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Threading", submitter, ownerId);
		Map<String, String> received = new LinkedHashMap<>();
		for (String address : List.of(submitter, owner, newCc, updatedCc)) {
			received.put(address, only(address).messageId());
		}
		assertThat(received.values()).doesNotHaveDuplicates().allMatch(m -> m.matches("<[0-9a-f]{12}\\.[0-9a-f]{24}@localhost>"));
		received.forEach((address, messageId) -> assertThat(jdbc
			.sql("select message_id from mail_outbox where ticket_id = ? and recipient = ?").params(id, address)
			.query(String.class).single()).isEqualTo(messageId));
	}

	@Test
	void deliveredMailIsCountedForOperators() {
		double sentBefore = meters.get("helpdesk.mail.sent").counter().count();
		openTicket(ADMIN, ADMIN_PASSWORD, "Counted", submitter, null);
		List.of(submitter, newCc, updatedCc).forEach(address -> TestMail.awaitCount(address, 1));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> meters.get("helpdesk.mail.sent").counter().count() >= sentBefore + 3
					&& meters.get("helpdesk.mail.queued").gauge().value() == 0);
	}

	@Test
	void reassigningMailsTheNewOwnerAndTheQueueCc() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Whose", submitter, null);
		TestMail.awaitCount(updatedCc, 1);
		updates.update(id, change(null, false, null, ownerId), admin());
		assertThat(only(owner).subject()).isEqualTo("[" + slug + "-" + id + "] Whose (Assigned To You)");
		assertThat(TestMail.subjects(TestMail.awaitCount(updatedCc, 2))).contains("[" + slug + "-" + id + "] Whose (Assigned)");
		assertThat(outbox(id)).filteredOn(row -> row.startsWith("assigned_") || row.startsWith("updated_"))
			.containsExactlyInAnyOrder("assigned_owner " + owner, "assigned_cc " + updatedCc);
	}

	@Test
	void closingWithAPublicCommentMailsTheSubmitterClosed() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Done", submitter, ownerId);
		updates.update(id, change("All sorted, closing", true, TicketStatus.CLOSED, null), admin());
		String subject = "[" + slug + "-" + id + "] Done (Closed)";
		List<MimeMessage> mails = TestMail.awaitTo(submitter, m -> TestMail.subjects(m).contains(subject));
		ReceivedMail mail = ReceivedMail.of(mails.get(mails.size() - 1));
		assertThat(mail.text()).contains("All sorted, closing").contains("&key=");
		assertThat(mail.html()).contains("All sorted, closing");
		TestMail.awaitTo(owner, m -> TestMail.subjects(m).contains(subject));
	}

	@Test
	void privateUpdateNeverReachesTheSubmitter() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Hush", submitter, ownerId);
		String cc = addCc(id);
		TestMail.awaitCount(submitter, 1);
		updates.update(id, change("Customer is difficult", false, TicketStatus.CLOSED, null), admin());
		TestMail.awaitCount(updatedCc, 2);
		TestMail.awaitCount(owner, 2);
		assertThat(TestMail.to(submitter)).hasSize(1);
		assertThat(TestMail.to(cc)).isEmpty();
		assertThat(outbox(id)).filteredOn(row -> row.startsWith("closed_"))
			.containsExactlyInAnyOrder("closed_cc " + updatedCc, "closed_owner " + owner);
	}

	@Test
	void mergeTellsTheMergedTicketsSubmitterWhichTicketToUse() {
		long target = openTicket(ADMIN, ADMIN_PASSWORD, "Original", submitter, null);
		String other = unique("other") + "@example.test";
		long source = openTicket(ADMIN, ADMIN_PASSWORD, "Same again", other, null);
		TestMail.awaitCount(other, 1);
		relations.merge(source, target, admin());
		List<MimeMessage> mails = TestMail.awaitCount(other, 2);
		ReceivedMail mail = ReceivedMail.of(mails.get(1));
		assertThat(mail.subject()).isEqualTo("[" + slug + "-" + source + "] Same again (Merged)");
		assertThat(mail.text()).contains(slug + "-" + target, "/view/?ticket=" + slug + "-" + target)
			.doesNotContain(submitter);
		assertThat(mail.html()).contains(slug + "-" + target);
	}

	@Test
	void customerReplyMailsTheOwnerButNotTheCustomer() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Portal", submitter, ownerId);
		TestMail.awaitCount(submitter, 1);
		TicketDetails ticket = reader.details(id).orElseThrow();
		customers.reply(new CustomerAccess(ticket.ref(), submitter, ticket.secretKey()), "Still broken", List.of());
		String subject = "[" + slug + "-" + id + "] Portal (Updated)";
		List<MimeMessage> mails = TestMail.awaitTo(owner, m -> TestMail.subjects(m).contains(subject));
		assertThat(ReceivedMail.of(mails.get(mails.size() - 1)).text()).contains("Still broken");
		TestMail.awaitCount(updatedCc, 2);
		assertThat(TestMail.to(submitter)).hasSize(1);
		assertThat(outbox(id)).filteredOn(row -> row.startsWith("updated_"))
			.containsExactlyInAnyOrder("updated_owner " + owner, "updated_cc " + updatedCc);
	}

	@Test
	void privateResolutionStaysOutOfTheClosedMailWhenABulkCloseTellsTheSubmitter() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Refund", submitter, ownerId);
		String cc = addCc(id);
		updates.update(id, change("Internal: refund fraud suspected", false, TicketStatus.RESOLVED, null), admin());
		assertThat(bulk.close(List.of(id), true, admin()).succeeded()).isEqualTo(1);
		assertLatestMailLeavesOut(id, "Refund (Closed)", "fraud", submitter, cc);
	}

	@Test
	void privateResolutionStaysOutOfTheResolvedMailOfAPublicResolveWithoutComment() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Laptop", submitter, ownerId);
		String cc = addCc(id);
		updates.update(id, change("Internal: user dropped it, do not tell", false, TicketStatus.RESOLVED, null),
				admin());
		updates.update(id, change(null, false, TicketStatus.REOPENED, null), admin());
		updates.update(id, change(null, true, TicketStatus.RESOLVED, null), admin());
		assertLatestMailLeavesOut(id, "Laptop (Resolved)", "dropped", submitter, cc);
	}

	/** The newest mail titled {@code subject} to each address names the ticket and never says {@code secret}. */
	private void assertLatestMailLeavesOut(long id, String subject, String secret, String... addresses) {
		String fullSubject = "[" + slug + "-" + id + "] " + subject;
		for (String address : addresses) {
			List<MimeMessage> mails = TestMail.awaitTo(address, m -> TestMail.subjects(m).contains(fullSubject));
			ReceivedMail mail = ReceivedMail.of(mails.get(mails.size() - 1));
			assertThat(mail.text()).contains(slug + "-" + id).doesNotContain(secret);
			assertThat(mail.html()).doesNotContain(secret);
		}
	}

	@Test
	void publicResolutionStillReachesTheSubmitterWhenABulkCloseTellsThem() {
		long id = openTicket(ADMIN, ADMIN_PASSWORD, "Toner", submitter, ownerId);
		updates.update(id, change("New toner cartridge fitted", true, TicketStatus.RESOLVED, null), admin());
		bulk.close(List.of(id), true, admin());
		String subject = "[" + slug + "-" + id + "] Toner (Closed)";
		List<MimeMessage> mails = TestMail.awaitTo(submitter, m -> TestMail.subjects(m).contains(subject));
		assertThat(ReceivedMail.of(mails.get(mails.size() - 1)).text()).contains("New toner cartridge fitted");
	}

	@Test
	void privateNotesOfAMergedTicketReachNoCustomerOfEitherTicket() {
		long target = openTicket(ADMIN, ADMIN_PASSWORD, "Original", submitter, null);
		String targetCc = addCc(target);
		String other = unique("other") + "@example.test";
		long source = openTicket(ADMIN, ADMIN_PASSWORD, "Same again", other, null);
		String sourceCc = addCc(source);
		call("add_followup", "ticket", source, "message", "Internal: duplicate spammer", "public", "n");
		relations.merge(source, target, admin());
		call("add_followup", "ticket", target, "message", "Working on it", "public", "y");
		String merged = "[" + slug + "-" + source + "] Same again (Merged)";
		String updated = "[" + slug + "-" + target + "] Original (Updated)";
		for (String address : List.of(other, sourceCc)) {
			TestMail.awaitTo(address, m -> TestMail.subjects(m).contains(merged));
		}
		for (String address : List.of(submitter, targetCc, other, sourceCc)) {
			for (MimeMessage message : TestMail.awaitTo(address, m -> TestMail.subjects(m).contains(updated))) {
				ReceivedMail mail = ReceivedMail.of(message);
				assertThat(mail.text() + mail.html()).as(address).doesNotContain("spammer");
			}
		}
	}

	private Account admin() {
		return accounts.findActiveByUsername(ADMIN).orElseThrow();
	}

	private static TicketUpdate change(String comment, boolean isPublic, TicketStatus status, Long newOwner) {
		TicketUpdate update = TicketUpdate.reply(comment, isPublic);
		update = status == null ? update : update.changeStatus(status);
		return newOwner == null ? update : update.assignTo(newOwner);
	}

	private long openTicket(String user, String password, String title, String submitterEmail, Long assignTo) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", user, "password", password, "queue",
				String.valueOf(queue), "title", title, "body", "It makes a noise"));
		fields.put("submitter_email", submitterEmail);
		if (assignTo != null) {
			fields.put("assigned_to", String.valueOf(assignTo));
		}
		Response response = client.legacy("create_ticket", fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body());
	}

	private Response call(String method, Object... keyValues) {
		Map<String, String> fields = new LinkedHashMap<>(Map.of("user", ADMIN, "password", ADMIN_PASSWORD));
		for (int i = 0; i < keyValues.length; i += 2) {
			fields.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
		}
		return client.legacy(method, fields);
	}

	private void patch(String path, Map<String, Object> fields) {
		Response response = client.admin("PATCH", path, fields);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private String addCc(long ticket) {
		String cc = unique("cc") + "@example.test";
		Response response = client.admin("POST", "/api/v1/tickets/" + ticket + "/ccs", Map.of("email", cc));
		assertThat(response.status()).as(response.body()).isBetween(200, 204);
		return cc;
	}

	/** The one mail this address received; waits for it, then checks that no second one came with it. */
	private static ReceivedMail only(String address) {
		List<MimeMessage> mails = TestMail.awaitCount(address, 1);
		assertThat(mails).as("mails to " + address).hasSize(1);
		return ReceivedMail.of(mails.get(0));
	}

	/** What the change wrote to the outbox, as "template recipient". */
	private List<String> outbox(long ticket) {
		return jdbc.sql("select template, recipient from mail_outbox where ticket_id = ?").param(ticket)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
	}
}
