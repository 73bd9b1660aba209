package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.helpdesk.core.SystemActor;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.helpdesk.attachment.Upload;
import org.helpdesk.ticket.MailChange;
import org.helpdesk.ticket.MailTickets;
import org.helpdesk.ticket.TicketMail;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.JsonNode;

/**
 * Mail pushed over HTTP the way an MTA delivers it, and the replies customers send to our notifications, over real
 * HTTP and real SMTP (GreenMail). Every test uses queues and addresses of its own.
 */
abstract class InboundMailTests extends InboundMailSupport {

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	@Autowired
	MailTickets mailTickets;

	@Test
	void aMailOpensATicketAndTheSenderGetsTheConfirmationWithTheSecretLink() throws Exception {
		String sender = unique("ann") + "@customer.example.test";
		TestMessage message = TestMessage.from("Ann <" + sender + ">", queueAddress, "Printer on fire")
			.body("The printer on floor 3 is on fire.\n");
		JsonNode answer = pushOk(slug, message);

		assertThat(answer.get("result").asString()).isEqualTo("created");
		JsonNode ticket = client.ticket(answer.get("ticket_id").asLong());
		assertThat(ticket.get("title").asString()).isEqualTo("Printer on fire");
		assertThat(ticket.get("submitter_email").asString()).isEqualTo(sender);
		assertThat(ticket.get("queue").asLong()).isEqualTo(queueId);
		JsonNode opening = ticket.get("followups").get(0);
		assertThat(opening.get("id").asLong()).isEqualTo(answer.get("followup_id").asLong());
		assertThat(opening.get("public").asBoolean()).isTrue();
		assertThat(opening.get("comment").asString()).contains("floor 3 is on fire");

		MimeMessage confirmation = TestMail.awaitCount(sender, 1).get(0);
		assertThat(subject(confirmation)).isEqualTo("[" + ticket.get("ref").asString() + "] Printer on fire (Opened)");
		assertThat(body(confirmation)).contains("/view/?ticket=" + ticket.get("ref").asString());
		// the confirmation answers the customer's mail: threaded under it, and no auto-responder answers it back
		assertThat(confirmation.getHeader("In-Reply-To", null)).isEqualTo(message.messageId());
		assertThat(confirmation.getHeader("References", null)).contains(message.messageId());
		assertThat(confirmation.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
	}

	@Test
	void filesTheSizeLimitRefusesAreLeftOutAndNotedWhileTheOthersAndTheFullTextAreKept() {
		String sender = unique("uma") + "@customer.example.test";
		byte[] huge = new byte[10 * 1024 * 1024 + 1];
		TicketMail mail = new TicketMail(unique("files") + "@client.example.test", sender, "With files",
				"Only the new words", "Only the new words\n\n> On Monday you wrote:\n> old words", null,
				List.of(upload("report.pdf", "%PDF-1.4"), upload("setup.exe", "MZ"),
						new Upload("huge.iso", "application/octet-stream", huge.length, new ByteArrayResource(huge))));
		MailChange change = mailTickets.openByMail(queueId, mail, List.of());

		// mailed-in files pass whatever their extension (they are only ever downloads); the size limit still holds
		assertThat(change.skippedFiles()).singleElement().asString().startsWith("huge.iso: ");
		JsonNode opening = client.ticket(change.ticketId()).get("followups").get(0);
		assertThat(opening.get("comment").asString()).isEqualTo("Only the new words");
		List<String> files = new ArrayList<>();
		opening.get("attachments").forEach(a -> files.add(a.get("filename").asString()));
		assertThat(files).containsExactlyInAnyOrder("report.pdf", "setup.exe", "full-message.txt");
		assertThat(opening.get("changes").get(0).get("old_value").asString()).isEqualTo("huge.iso");
		long fullText = opening.get("attachments").valueStream()
			.filter(a -> a.get("filename").asString().equals("full-message.txt")).findFirst().orElseThrow().get("id")
			.asLong();
		var download = client.download("/api/v1/tickets/" + change.ticketId() + "/attachments/" + fullText, ADMIN,
				ADMIN_PASSWORD);
		assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("> old words");
	}

	static Upload upload(String name, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		return new Upload(name, "application/octet-stream", bytes.length, new ByteArrayResource(bytes));
	}

	@Test
	void operatorsCountInboundMessagesByWhatBecameOfThem() {
		double created = inboundCounted("created");
		double duplicates = inboundCounted("duplicate");
		TestMessage message = TestMessage.from(unique("carol") + "@customer.example.test", queueAddress, "Counted");

		pushOk(slug, message);
		pushOk(slug, message);

		assertThat(inboundCounted("created")).isEqualTo(created + 1);
		assertThat(inboundCounted("duplicate")).isEqualTo(duplicates + 1);
	}

	@Test
	void theMetricsTimeRequestsButNotEverySecurityFilter() {
		pushOk(slug, TestMessage.from(unique("mia") + "@customer.example.test", queueAddress, "Metrics"));
		List<String> metrics = metrics().toList();
		assertThat(metrics).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
				&& line.contains("uri=\"/api/v1/mail/inbound\""));
		assertThat(metrics).noneMatch(line -> line.startsWith("spring_security_"));
	}

	private Stream<String> metrics() {
		return new String(client.download("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body(), StandardCharsets.UTF_8)
			.lines();
	}

	private double inboundCounted(String result) {
		return metrics().filter(line -> line.startsWith("helpdesk_mail_inbound_total{")
				&& line.contains("result=\"" + result + "\""))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
	}

	@Test
	void aReplyToOurNotificationLandsOnTheSameTicketByItsMessageId() throws Exception {
		String sender = unique("bob") + "@customer.example.test";
		long ticketId = pushOk(slug, TestMessage.from(sender, queueAddress, "VPN drops")).get("ticket_id").asLong();
		MimeMessage confirmation = TestMail.awaitCount(sender, 1).get(0);

		// the customer's client keeps our Message-ID; the subject says nothing about the ticket
		JsonNode reply = pushOk(slug, TestMessage.from(sender, queueAddress, "Re: your mail")
			.replyingTo(confirmation.getMessageID())
			.body("Still dropping every hour.\n\n> earlier text\n"));

		assertThat(reply.get("result").asString()).isEqualTo("followup");
		assertThat(reply.get("ticket_id").asLong()).isEqualTo(ticketId);
		JsonNode followUps = client.ticket(ticketId).get("followups");
		assertThat(followUps).hasSize(2);
		assertThat(followUps.get(1).get("public").asBoolean()).isTrue();
		assertThat(followUps.get(1).get("comment").asString()).contains("Still dropping every hour.");
		assertThat(followUps.get(1).get("title").asString()).isEqualTo("E-Mail Received from " + sender);
		// the submitter hears that their mail arrived
		assertThat(subjects(TestMail.awaitCount(sender, 2))).anyMatch(s -> s.endsWith("(Updated)"));

		// and a reply to the reply (our earlier inbound message) threads too
		JsonNode again = pushOk(slug, TestMessage.from(sender, queueAddress, "Re: Re: your mail")
			.replyingTo(confirmation.getMessageID()).body("Now it works."));
		assertThat(again.get("ticket_id").asLong()).isEqualTo(ticketId);
	}

	@Test
	void theSubjectTagThreadsAcrossQueuesAndFollowsAMerge() {
		String otherSlug = unique("other");
		long otherQueue = client.createQueue(otherSlug);
		String sender = unique("cy") + "@customer.example.test";
		long first = pushOk(slug, TestMessage.from(sender, queueAddress, "Laptop slow")).get("ticket_id").asLong();

		// sent to another queue's address, but tagged with this queue's ticket
		JsonNode tagged = pushOk(otherSlug, TestMessage.from(sender, "other@example.test",
				"Re: [" + slug + "-" + first + "] Laptop slow (Opened)"));
		assertThat(tagged.get("result").asString()).isEqualTo("followup");
		assertThat(tagged.get("ticket_id").asLong()).isEqualTo(first);

		long target = pushOk(otherSlug, TestMessage.from(sender, "other@example.test", "Laptop slow, again"))
			.get("ticket_id").asLong();
		relations.merge(first, target, SystemActor.INSTANCE);
		JsonNode afterMerge = pushOk(slug, TestMessage.from(sender, queueAddress, "Re: [" + slug + "-" + first + "] x"));
		assertThat(afterMerge.get("ticket_id").asLong()).isEqualTo(target);
		assertThat(client.ticket(target).get("queue").asLong()).isEqualTo(otherQueue);

		// a tag whose slug is not the ticket's queue's is somebody else's number: a new ticket
		JsonNode foreign = pushOk(slug, TestMessage.from(sender, queueAddress, "[nosuchqueue-" + target + "] hi"));
		assertThat(foreign.get("result").asString()).isEqualTo("created");
	}

	@Test
	void aMailToAClosedTicketReopensIt() {
		String sender = unique("dee") + "@customer.example.test";
		long ticketId = pushOk(slug, TestMessage.from(sender, queueAddress, "Password reset")).get("ticket_id").asLong();
		updates.update(ticketId, TicketUpdate.status(TicketStatus.CLOSED), SystemActor.INSTANCE);

		JsonNode reply = pushOk(slug, TestMessage.from(sender, queueAddress, "Re: [" + slug + "-" + ticketId + "] x")
			.body("It broke again."));

		assertThat(reply.get("result").asString()).isEqualTo("followup");
		JsonNode ticket = client.ticket(ticketId);
		assertThat(ticket.get("status").asString()).isEqualTo("reopened");
		JsonNode last = ticket.get("followups").get(ticket.get("followups").size() - 1);
		assertThat(last.get("title").asString()).isEqualTo("Ticket Re-Opened by E-Mail Received from " + sender);
		assertThat(last.get("changes").get(0).get("new_value").asString()).isEqualTo("Reopened");
	}

	@Test
	void toAndCcBecomeCopiesButNeverTheHelpdesksOwnAddresses() {
		String otherAddress = unique("q") + "@support.example.test";
		client.createQueue(Map.of("title", "Other", "slug", unique("o"), "email_address", otherAddress));
		String sender = unique("eve") + "@customer.example.test";
		String colleague = unique("fay") + "@customer.example.test";
		String boss = unique("gus") + "@customer.example.test";
		long ticketId = pushOk(slug, TestMessage.from(sender, queueAddress + ", " + colleague, "Invoice wrong")
			.header("Cc", "Boss <" + boss.toUpperCase() + ">, " + HELPDESK_FROM + ", " + otherAddress + ", " + sender))
			.get("ticket_id").asLong();

		List<String> ccs = new ArrayList<>();
		client.ticket(ticketId).get("ccs").forEach(cc -> ccs.add(cc.asString()));
		assertThat(ccs).containsExactlyInAnyOrder(colleague, boss);
		assertThat(subjects(TestMail.awaitCount(colleague, 1))).allMatch(s -> s.endsWith("(Opened)"));

		// someone not yet involved who writes to the ticket becomes a copy; the submitter does not
		String newcomer = unique("hal") + "@customer.example.test";
		pushOk(slug, TestMessage.from(newcomer, queueAddress, "Re: [" + slug + "-" + ticketId + "] Invoice wrong"));
		pushOk(slug, TestMessage.from(sender, queueAddress, "Re: [" + slug + "-" + ticketId + "] Invoice wrong"));
		List<String> after = new ArrayList<>();
		client.ticket(ticketId).get("ccs").forEach(cc -> after.add(cc.asString()));
		assertThat(after).containsExactlyInAnyOrder(colleague, boss, newcomer);
	}

	@Test
	void theSameMessageTwiceIsADuplicateAndChangesNothing() {
		String sender = unique("ian") + "@customer.example.test";
		TestMessage message = TestMessage.from(sender, queueAddress, "Twice delivered");
		JsonNode first = pushOk(slug, message);
		JsonNode second = pushOk(slug, message);

		assertThat(second.get("result").asString()).isEqualTo("duplicate");
		assertThat(second.get("ticket_id").asLong()).isEqualTo(first.get("ticket_id").asLong());
		assertThat(ticketsTitled("Twice delivered")).isEqualTo(1);

		// without a Message-ID, the same bytes are the same message
		TestMessage anonymous = TestMessage.from(sender, queueAddress, "No id at all").without("Message-ID");
		assertThat(pushOk(slug, anonymous).get("result").asString()).isEqualTo("created");
		assertThat(pushOk(slug, anonymous).get("result").asString()).isEqualTo("duplicate");
		assertThat(ticketsTitled("No id at all")).isEqualTo(1);
	}

	@Test
	void twoCopiesArrivingAtTheSameMomentMakeOneTicket() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				String title = unique("Race ");
				byte[] raw = TestMessage.from(unique("jo") + "@customer.example.test", queueAddress, title).bytes();
				CountDownLatch start = new CountDownLatch(1);
				Callable<Response> push = () -> {
					start.await();
					return post("/api/v1/mail/inbound?queue=" + slug, "message/rfc822", raw, ADMIN, ADMIN_PASSWORD);
				};
				Future<Response> a = pool.submit(push);
				Future<Response> b = pool.submit(push);
				start.countDown();
				List<String> results = new ArrayList<>();
				for (Response response : List.of(a.get(), b.get())) {
					assertThat(response.status()).as(response.body()).isEqualTo(200);
					results.add(response.json().get("result").asString());
				}
				assertThat(results).containsExactlyInAnyOrder("created", "duplicate");
				assertThat(ticketsTitled(title)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aSenderBeyondTheRateLimitIsQuarantinedNotDropped() {
		String sender = unique("kim") + "@customer.example.test";
		for (int i = 1; i <= 3; i++) {
			assertThat(pushOk(slug, TestMessage.from(sender, queueAddress, "Flood " + i)).get("result").asString())
				.isEqualTo("created");
		}
		JsonNode fourth = pushOk(slug, TestMessage.from(sender, queueAddress, "Flood 4"));
		assertThat(fourth.get("result").asString()).isEqualTo("quarantined");
		assertThat(fourth.get("reason").asString()).contains("rate limit");
		assertThat(ticketsTitled("Flood 4")).isZero();
		// kept for an administrator, who can take it in once the flood is over
		assertThat(client.admin("GET", "/api/v1/mail/quarantine", null).body()).contains("Flood 4");
		// another sender is not held back
		assertThat(pushOk(slug, TestMessage.from(unique("lee") + "@customer.example.test", queueAddress, "Calm"))
			.get("result").asString()).isEqualTo("created");
	}

	@Test
	void badRequestsAreRefusedWithTheReason() {
		byte[] mail = TestMessage.from("x@customer.example.test", queueAddress, "Bad input").bytes();
		String path = "/api/v1/mail/inbound?queue=" + slug;
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", null, List.of());

		assertThat(post(path, "message/rfc822", mail, agent, "agent-password-1").status()).isEqualTo(403);
		assertThat(post(path, "message/rfc822", mail, null, null).status()).isEqualTo(401);
		assertProblem(post("/api/v1/mail/inbound?queue=nosuch", "message/rfc822", mail, ADMIN, ADMIN_PASSWORD), 400,
				"queue");
		assertProblem(post("/api/v1/mail/inbound", "message/rfc822", mail, ADMIN, ADMIN_PASSWORD), 400, "queue");
		assertProblem(post("/api/v1/mail/inbound?queue=" + queueId, "text/plain", mail, ADMIN, ADMIN_PASSWORD), 415,
				"Content-Type");
		assertProblem(post(path, "message/rfc822", new byte[0], ADMIN, ADMIN_PASSWORD), 400, "body");
		byte[] huge = TestMessage.from("x@customer.example.test", queueAddress, "Huge").body("x".repeat(70_000))
			.bytes();
		assertProblem(post(path, "message/rfc822", huge, ADMIN, ADMIN_PASSWORD), 413, "body");
		assertThat(ticketsTitled("Bad input")).isZero();
		assertThat(ticketsTitled("Huge")).isZero();
		// by id works as well as by slug
		assertThat(post("/api/v1/mail/inbound?queue=" + queueId, "message/rfc822; charset=UTF-8", mail, ADMIN,
				ADMIN_PASSWORD).json().get("result").asString()).isEqualTo("created");
	}

	@Test
	void aRenamedQueueTakesMailUnderItsNewSlugAtOnceAndNoLongerUnderItsOld() {
		String before = unique("before");
		String after = unique("after");
		long queue = client.createQueue(before);
		byte[] mail = TestMessage.from("x@customer.example.test", queueAddress, "Renamed " + before).bytes();
		assertThat(post("/api/v1/mail/inbound?queue=" + before, "message/rfc822", mail, ADMIN, ADMIN_PASSWORD).status())
			.isEqualTo(200);
		assertThat(post("/api/v1/mail/inbound?queue=" + after, "message/rfc822", mail, ADMIN, ADMIN_PASSWORD).status())
			.as("not yet a queue's slug").isEqualTo(400);

		assertThat(client.admin("PATCH", "/api/v1/queues/" + queue, Map.of("slug", after)).status()).isEqualTo(200);

		byte[] another = TestMessage.from("y@customer.example.test", queueAddress, "Renamed " + after).bytes();
		assertProblem(post("/api/v1/mail/inbound?queue=" + before, "message/rfc822", another, ADMIN, ADMIN_PASSWORD),
				400, "queue");
		JsonNode taken = post("/api/v1/mail/inbound?queue=" + after, "message/rfc822", another, ADMIN, ADMIN_PASSWORD)
			.json();
		assertThat(taken.get("result").asString()).isEqualTo("created");
		assertThat(client.ticket(taken.get("ticket_id").asLong()).get("queue").asLong()).isEqualTo(queue);
	}
}
