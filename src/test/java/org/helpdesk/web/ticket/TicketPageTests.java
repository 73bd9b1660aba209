package org.helpdesk.web.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.NewAccount;
import org.helpdesk.attachment.Upload;
import org.helpdesk.queue.QueueDraft;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.ticket.FollowUpView;
import org.helpdesk.ticket.OpenTicket;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff ticket page and the new-ticket page over real HTTP, signed in through the form: what agents see, what
 * their replies and actions change, and what they are refused.
 */
abstract class TicketPageTests extends FullStackTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	@Autowired
	TicketReader reader;

	@Autowired
	QueueManagement queues;

	@Autowired
	AccountManagement accounts;

	private long queueId;

	private Account agent;

	private BrowserlessSession browser;

	@BeforeEach
	void setUp() {
		queueId = queues.create(new QueueDraft("Support", unique("sup"), null, null, null, null, null, null, null, null))
			.id();
		String username = unique("agent");
		agent = accounts.create(new NewAccount(username, "agent-password-1", null, "Ada", "Agent", "agent",
				Set.of(queueId), false, true), null);
		browser = BrowserlessSession.signedIn(client.base(), username, "agent-password-1");
	}

	private long open(String title, String description, List<Upload> files) {
		return tickets.open(OpenTicket.of(queueId, title, description).from("customer@example.test").attaching(files),
				agent);
	}

	private long open(String title) {
		return open(title, "It does not work", List.of());
	}

	/** The reply form as the page showed it, with the given changes. */
	private Map<String, String> replyFields(long id, Map<String, String> changes) {
		Page page = browser.get("/tickets/" + id);
		assertThat(page.status()).isEqualTo(200);
		Matcher version = VERSION.matcher(page.body());
		assertThat(version.find()).isTrue();
		var ticket = reader.details(id).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("comment", "");
		fields.put("visibility", "private");
		fields.put("status", ticket.status().code());
		fields.put("owner", ticket.ownerId() == null ? "" : ticket.ownerId().toString());
		fields.put("priority", String.valueOf(ticket.priority()));
		fields.put("queue", String.valueOf(ticket.queueId()));
		fields.put("due", "");
		fields.put("timeSpent", "");
		fields.put("version", version.group(1));
		fields.putAll(changes);
		return fields;
	}

	/** The ticket version the page shows (and its forms carry). */
	private String shownVersion(long id) {
		Matcher version = VERSION.matcher(browser.get("/tickets/" + id).body());
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	private List<FollowUpView> followUps(long id) {
		return reader.followUps(id);
	}

	@Test
	void aPrivateFollowUpIsShownMarkedPrivate() {
		long id = open("Printer jam");
		long followUp = updates.update(id, TicketUpdate.comment("Internal note about the printer", false), agent)
			.orElseThrow();

		String body = browser.get("/tickets/" + id).body();

		String entry = body.substring(body.indexOf("id=\"followup-" + followUp + "\""));
		entry = entry.substring(0, entry.indexOf("</li>"));
		assertThat(entry).contains("timeline-private").contains(">Private<").contains("Internal note about the printer");
		assertThat(body).contains("[" + reader.details(id).orElseThrow().ref() + "]").contains("Printer jam");
	}

	@Test
	void theTicketPageAnswersWithATrailingSlashToo() {
		long id = open("Slash");

		assertThat(browser.get("/tickets/" + id + "/").status()).isEqualTo(200);
	}

	@Test
	void aReplyChangesTheStatusAndRecordsItInTheHistory() {
		long id = open("Mouse broken");

		Page result = browser.post("/tickets/" + id + "/reply",
				replyFields(id, Map.of("comment", "Sent a new mouse", "visibility", "public", "status", "resolved")));

		assertThat(result.status()).isEqualTo(302);
		assertThat(client.ticket(id).get("status").asString()).isEqualTo("resolved");
		String page = browser.get("/tickets/" + id).body();
		assertThat(page).contains("Status changed from Open to Resolved").contains("Sent a new mouse");
	}

	@Test
	void anIllegalTransitionIsRefusedWithAReasonAndChangesNothing() {
		long id = open("Closed one");
		updates.update(id, TicketUpdate.status(TicketStatus.CLOSED), agent);
		int before = followUps(id).size();

		Page result = browser.post("/tickets/" + id + "/reply",
				replyFields(id, Map.of("comment", "Try to resolve", "status", "resolved")));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("cannot move to that status");
		assertThat(reader.details(id).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(followUps(id)).hasSize(before);
	}

	@Test
	void aSaveBasedOnAnOutdatedPageIsRefusedAndKeepsTheText() {
		long id = open("Two agents");
		Map<String, String> seen = replyFields(id, Map.of("comment", "My careful answer", "status", "resolved"));
		updates.update(id, TicketUpdate.comment("Someone was quicker", true), agent);

		Page result = browser.post("/tickets/" + id + "/reply", seen);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("Someone else changed this ticket since you opened it")
			.contains(">My careful answer</textarea>");
		assertThat(reader.details(id).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
		assertThat(followUps(id)).extracting(FollowUpView::comment).doesNotContain("My careful answer");
	}

	@Test
	void thePagePollsForChangesAndSaysWhenTheTicketMovedOn() {
		long id = open("Watched");
		Matcher version = VERSION.matcher(browser.get("/tickets/" + id).body());
		assertThat(version.find()).isTrue();
		String seen = version.group(1);

		assertThat(browser.get("/tickets/" + id + "/version?seen=" + seen).body()).doesNotContain("ticket-changed-alert");
		updates.update(id, TicketUpdate.comment("Meanwhile", true), agent);
		assertThat(browser.get("/tickets/" + id + "/version?seen=" + seen).body())
			.contains("ticket-changed-alert").contains("Someone else changed this ticket");
	}

	@Test
	void anAgentWithoutAccessToTheQueueGetsNotFoundForThePageTheAttachmentAndEveryAction() {
		long id = open("Secret", "classified", List.of(upload("notes.txt", "secret bytes")));
		long attachmentId = followUps(id).get(0).attachments().get(0).id();
		long otherQueue = queues.create(new QueueDraft("Other", unique("oth"), null, null, null, null, null, null, null,
				null)).id();
		String outsider = unique("outsider");
		accounts.create(new NewAccount(outsider, "agent-password-1", null, "Out", "Sider", "agent", Set.of(otherQueue),
				false, true), null);
		BrowserlessSession other = BrowserlessSession.signedIn(client.base(), outsider, "agent-password-1");

		assertThat(other.get("/tickets/" + id).status()).isEqualTo(404);
		assertThat(other.get("/tickets/" + id + "/attachments/" + attachmentId).status()).isEqualTo(404);
		assertThat(other.get("/tickets/" + id + "/version?seen=0").status()).isEqualTo(404);
		assertThat(other.get("/tickets/" + id + "/edit").status()).isEqualTo(404);
		Map<String, Map<String, String>> actions = new LinkedHashMap<>();
		actions.put("/reply", Map.of("comment", "sneaky", "status", "closed"));
		actions.put("/take", Map.of());
		actions.put("/hold", Map.of());
		actions.put("/unhold", Map.of());
		actions.put("/cc", Map.of("email", "spy@example.test"));
		actions.put("/cc/remove", Map.of("email", "customer@example.test"));
		actions.put("/dependencies", Map.of("depends_on", String.valueOf(id)));
		actions.put("/dependencies/1/remove", Map.of());
		actions.put("/merge", Map.of("target", "1"));
		actions.put("/edit", Map.of("title", "hijacked", "priority", "1"));
		actions.put("/delete", Map.of());
		actions.forEach((action, fields) -> assertThat(other.post("/tickets/" + id + action, fields).status())
			.as(action).isEqualTo(404));
		var ticket = reader.details(id).orElseThrow();
		assertThat(ticket.title()).isEqualTo("Secret");
		assertThat(ticket.onHold()).isFalse();
		assertThat(ticket.ownerId()).isNull();
		assertThat(followUps(id)).hasSize(1);
	}

	@Test
	void anAttachmentDownloadsAsAnAttachmentWithItsType() {
		long id = open("With file", "see attached", List.of(upload("report.txt", "hello attachment")));
		long attachmentId = followUps(id).get(0).attachments().get(0).id();
		assertThat(browser.get("/tickets/" + id).body())
			.contains("/tickets/" + id + "/attachments/" + attachmentId).contains("report.txt");

		Page file = browser.get("/tickets/" + id + "/attachments/" + attachmentId);

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("report.txt");
		assertThat(file.header("Content-Type")).startsWith("text/plain");
		assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(file.body()).isEqualTo("hello attachment");
		assertThat(browser.get("/tickets/" + id + "/attachments/999999").status()).isEqualTo(404);
	}

	@Test
	void aReplyCanCarrySeveralAttachmentsAndTimeSpent() {
		long id = open("Logs");
		Map<String, String> fields = replyFields(id, Map.of("comment", "Two logs", "timeSpent", "1:30"));

		Page result = browser.multipart("/tickets/" + id + "/reply", fields,
				List.of(new FilePart("attachments", "a.txt", "text/plain", "first".getBytes()),
						new FilePart("attachments", "b.txt", "text/plain", "second".getBytes())));

		assertThat(result.status()).isEqualTo(302);
		FollowUpView reply = followUps(id).get(1);
		assertThat(reply.attachments()).extracting(a -> a.filename()).containsExactly("a.txt", "b.txt");
		assertThat(browser.get("/tickets/" + id).body()).contains("1:30");
	}

	@Test
	void scriptInTitleDescriptionAndCommentStaysInert() {
		String payloads = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
		browser.get("/tickets/new");
		Page created = browser.multipart("/tickets/new", Map.of("queue", String.valueOf(queueId), "title",
				"<script>alert(1)</script><img src=x onerror=alert(1)>", "description", payloads, "priority", "3"),
				List.of());
		assertThat(created.status()).isEqualTo(302);
		long id = Long.parseLong(created.path().replaceAll("\\D+", ""));
		browser.post("/tickets/" + id + "/reply", replyFields(id, Map.of("comment", payloads, "visibility", "public")));

		String page = browser.get("/tickets/" + id).body();

		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(page).doesNotContain("<script>alert");
		assertThat(page).doesNotContainPattern("<[^>]*\\bonerror\\s*=");
		assertThat(page).doesNotContainPattern("<[^>]*javascript:");
	}

	@Test
	void theNewTicketFormOpensATicket() {
		assertThat(browser.get("/tickets/new").body()).contains("id=\"new-ticket-form\"");

		Page created = browser.multipart("/tickets/new", Map.of("queue", String.valueOf(queueId), "title",
				"Phone call: VPN down", "description", "Caller cannot connect", "submitterEmail", "caller@example.test",
				"owner", String.valueOf(agent.id()), "priority", "2"), List.of());

		assertThat(created.status()).isEqualTo(302);
		long id = Long.parseLong(created.path().replaceAll("\\D+", ""));
		var ticket = client.ticket(id);
		assertThat(ticket.get("title").asString()).isEqualTo("Phone call: VPN down");
		assertThat(ticket.get("priority").asInt()).isEqualTo(2);
		assertThat(ticket.get("submitter_email").asString()).isEqualTo("caller@example.test");
		assertThat(browser.get("/tickets/" + id).body()).contains("Caller cannot connect");
	}

	@Test
	void theNewTicketFormShowsWhyABlankTitleIsRefused() {
		browser.get("/tickets/new");

		Page result = browser.post("/tickets/new", Map.of("queue", String.valueOf(queueId), "title", " ",
				"description", "Kept text", "priority", "3"));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("Title: is required").contains("is-invalid").contains(">Kept text</textarea>");
	}

	@Test
	void aGermanAgentReadsWhyTheFormWasRefusedInGerman() {
		browser.get("/account/settings");
		browser.post("/account/settings", Map.of("language", "de", "timeZone", "Europe/Berlin"));
		browser.get("/tickets/new");

		Page result = browser.post("/tickets/new", Map.of("queue", String.valueOf(queueId), "title", " ",
				"description", "Text", "priority", "9"));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("ist erforderlich").contains("muss zwischen 1 (kritisch) und 5 (sehr niedrig)")
			.doesNotContain("is required").doesNotContain("must be an integer");
	}

	@Test
	void anOpenDependencyRefusesResolvingWithTheReason() {
		long waiting = open("Deploy");
		long blocker = open("Fix the build");
		browser.get("/tickets/" + waiting);
		assertThat(browser.post("/tickets/" + waiting + "/dependencies", Map.of("depends_on", String.valueOf(blocker)))
			.status()).isEqualTo(302);
		assertThat(browser.get("/tickets/" + waiting).body()).contains("Fix the build");

		Page result = browser.post("/tickets/" + waiting + "/reply",
				replyFields(waiting, Map.of("status", "resolved")));

		assertThat(result.body()).contains("depends on tickets that are still open");
		assertThat(reader.details(waiting).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void takingHoldingAndEditingAreRecordedOnTheTicket() {
		long id = open("Routine");

		browser.post("/tickets/" + id + "/take", Map.of("version", shownVersion(id)));
		browser.post("/tickets/" + id + "/hold", Map.of());
		String editForm = browser.get("/tickets/" + id + "/edit").body();
		Matcher version = VERSION.matcher(editForm);
		assertThat(version.find()).isTrue();
		Page edited = browser.post("/tickets/" + id + "/edit", Map.of("title", "Routine check", "description",
				"It does not work", "submitterEmail", "customer@example.test", "priority", "1", "due", "",
				"version", version.group(1)));

		assertThat(edited.status()).isEqualTo(302);
		var ticket = reader.details(id).orElseThrow();
		assertThat(ticket.ownerId()).isEqualTo(agent.id());
		assertThat(ticket.onHold()).isTrue();
		assertThat(ticket.title()).isEqualTo("Routine check");
		assertThat(ticket.priority()).isEqualTo(1);
		assertThat(browser.get("/tickets/" + id).body()).contains("Title changed from Routine to Routine check")
			.contains("Priority changed from Normal to Critical");
	}

	@Test
	void aTakeFromAnOutdatedPageIsRefusedAndTheOwnerStays() {
		long id = open("Wanted by two");
		String seen = shownVersion(id);
		String colleague = unique("colleague");
		Account other = accounts.create(new NewAccount(colleague, "agent-password-1", null, "Olga", "Other", "agent",
				Set.of(queueId), false, true), null);
		updates.update(id, TicketUpdate.assign(other.id()), other);
		int history = followUps(id).size();

		Page result = browser.post("/tickets/" + id + "/take", Map.of("version", seen));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("Someone else changed this ticket since you opened it");
		assertThat(reader.details(id).orElseThrow().ownerId()).isEqualTo(other.id());
		assertThat(followUps(id)).hasSize(history);
	}

	@Test
	void anEditFromAnOutdatedFormIsRefusedAndChangesNothing() {
		long id = open("Edited twice");
		Matcher version = VERSION.matcher(browser.get("/tickets/" + id + "/edit").body());
		assertThat(version.find()).isTrue();
		updates.update(id, TicketUpdate.comment("Meanwhile", false), agent);

		Page result = browser.post("/tickets/" + id + "/edit", Map.of("title", "My better title", "description",
				"It does not work", "submitterEmail", "customer@example.test", "priority", "1", "due", "",
				"version", version.group(1)));

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("Someone else changed this ticket since you opened it");
		var ticket = reader.details(id).orElseThrow();
		assertThat(ticket.title()).isEqualTo("Edited twice");
		assertThat(ticket.priority()).isEqualTo(3);
	}

	@Test
	void anEditedTitleIsFoundByKeywordSearch() {
		long id = open("Misnamed");
		Matcher version = VERSION.matcher(browser.get("/tickets/" + id + "/edit").body());
		assertThat(version.find()).isTrue();

		Page edited = browser.post("/tickets/" + id + "/edit", Map.of("title", "Quokkas escaped", "description",
				"It does not work", "submitterEmail", "customer@example.test", "priority", "3", "due", "",
				"version", version.group(1)));

		assertThat(edited.status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				browser.get("/tickets?queue=" + queueId + "&q=quokkas").body())
			.contains("data-ticket-id=\"" + id + "\""));
	}

	@Test
	void ccAddressesAreAddedAndRemovedAndABadOneIsExplained() {
		long id = open("Copies");
		browser.get("/tickets/" + id);

		browser.post("/tickets/" + id + "/cc", Map.of("email", "boss@example.test"));
		assertThat(reader.details(id).orElseThrow().ccEmails()).containsExactly("boss@example.test");
		Page bad = browser.post("/tickets/" + id + "/cc", Map.of("email", "not an address"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is not a valid e-mail address");
		browser.post("/tickets/" + id + "/cc/remove", Map.of("email", "boss@example.test"));

		assertThat(reader.details(id).orElseThrow().ccEmails()).isEmpty();
	}

	@Test
	void mergingMakesTheTicketADuplicateOfTheTarget() {
		long source = open("Same problem");
		long target = open("Original report");
		browser.get("/tickets/" + source);

		Page result = browser.post("/tickets/" + source + "/merge", Map.of("target", String.valueOf(target)));

		assertThat(result.status()).isEqualTo(302);
		assertThat(result.path()).isEqualTo("/tickets/" + target);
		assertThat(reader.details(source).orElseThrow().status()).isEqualTo(TicketStatus.DUPLICATE);
		assertThat(browser.get("/tickets/" + source).body()).contains("id=\"ticket-merged\"");
	}

	@Test
	void deletingRemovesTheTicketAndGoesToTheList() {
		long id = open("Spam");
		browser.get("/tickets/" + id);

		Page result = browser.post("/tickets/" + id + "/delete", Map.of());

		assertThat(result.status()).isEqualTo(302);
		assertThat(result.path()).isEqualTo("/tickets");
		assertThat(reader.details(id)).isEmpty();
		assertThat(browser.get("/tickets/" + id).status()).isEqualTo(404);
	}

	@Test
	void malformedTicketNumbersAreNotFoundRatherThanErrors() {
		assertThat(browser.get("/tickets/abc").status()).isEqualTo(404);
		assertThat(browser.get("/tickets/99999999999999999999999").status()).isEqualTo(404);
	}

	private static Upload upload(String name, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		return new Upload(name, "text/plain", bytes.length, new ByteArrayResource(bytes));
	}
}
