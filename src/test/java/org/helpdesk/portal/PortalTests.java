package org.helpdesk.portal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.attachment.Upload;
import org.helpdesk.core.SystemActor;
import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer portal over real HTTP: submitting, the secret link, replying, accepting, and a customer's own list.
 * The per-client limit is raised so that the many submissions of this suite from one address only meet the
 * per-e-mail limit they test.
 */
@TestPropertySource(properties = "helpdesk.portal.submissions-per-client=1000")
abstract class PortalTests extends FullStackTest {

	private static final Pattern SECRET_LINK = Pattern.compile("id=\"secret-link\"[^>]*href=\"([^\"]+)\"");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketUpdates updates;

	@Autowired
	TicketRelations relations;

	private long publicQueue;

	private String publicSlug;

	@BeforeEach
	void publicQueue() {
		publicSlug = unique("pub");
		publicQueue = client.createQueue(Map.of("title", "Public " + publicSlug, "slug", publicSlug,
				"allow_public_submission", true));
	}

	private BrowserlessSession visitor() {
		return new BrowserlessSession(client.base());
	}

	record Submitted(long id, String ref, String link, Page confirmation) {

		String path() {
			URI uri = URI.create(link);
			return uri.getRawPath() + "?" + uri.getRawQuery();
		}

		String pathWithKey(String key) {
			return path().replaceAll("key=[^&]+", "key=" + key);
		}
	}

	private Page post(BrowserlessSession visitor, long queue, String email, String title, String description,
			List<FilePart> files) {
		visitor.get("/submit");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("queue", String.valueOf(queue));
		fields.put("email", email);
		fields.put("title", title);
		fields.put("description", description);
		fields.put("priority", "2");
		fields.put("website", "");
		return visitor.multipart("/submit", fields, files);
	}

	private Submitted submit(String email, String title, String description, FilePart... files) {
		BrowserlessSession visitor = visitor();
		Page posted = post(visitor, publicQueue, email, title, description, List.of(files));
		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		Page confirmation = visitor.follow(posted);
		Matcher link = SECRET_LINK.matcher(confirmation.body());
		assertThat(link.find()).as(confirmation.body()).isTrue();
		String href = link.group(1).replace("&amp;", "&");
		String ref = URI.create(href).getRawQuery().replaceAll(".*ticket=([^&]+).*", "$1");
		return new Submitted(Long.parseLong(ref.substring(ref.lastIndexOf('-') + 1)), ref, href, confirmation);
	}

	private long ticketsFrom(String email) {
		return jdbc.sql("select count(*) from ticket where submitter_email = ?").param(email).query(Long.class).single();
	}

	@Test
	void theFormOffersOnlyQueuesThatAcceptPublicSubmissions() {
		String hidden = unique("internal");
		client.createQueue(Map.of("title", "Internal " + hidden, "slug", hidden));

		for (String path : List.of("/", "/submit")) {
			Page form = visitor().get(path);
			assertThat(form.status()).isEqualTo(200);
			assertThat(form.body()).contains("Public " + publicSlug).doesNotContain("Internal " + hidden);
			assertThat(form.body()).contains("name=\"website\"").contains("class=\"hp-field\"");
		}
	}

	@Test
	void submittingOpensATicketForTheSubmitterAssignedToTheQueuesDefaultOwner() {
		String agent = unique("owner");
		long ownerId = client.createUser(agent, "agent-password-1", "agent", agent + "@example.test", List.of());
		client.admin("PATCH", "/api/v1/queues/" + publicQueue, Map.of("default_owner", ownerId));
		String email = unique("cust") + "@example.test";

		Submitted ticket = submit(email, "Printer on fire", "It *really* burns.",
				new FilePart("attachments", "log.txt", "text/plain", "smoke".getBytes(StandardCharsets.UTF_8)));

		var json = client.ticket(ticket.id());
		assertThat(json.get("submitter_email").asString()).isEqualTo(email);
		assertThat(json.get("queue").asLong()).isEqualTo(publicQueue);
		assertThat(json.get("assigned_to").asLong()).isEqualTo(ownerId);
		assertThat(json.get("priority").asInt()).isEqualTo(2);
		assertThat(ticket.ref()).isEqualTo(publicSlug + "-" + ticket.id());
		assertThat(ticket.confirmation().body()).contains("Your ticket reference is " + ticket.ref());
		assertThat(ticket.link()).startsWith(client.base() + "/view/?ticket=" + ticket.ref() + "&email="
				+ email.replace("@", "%40") + "&key=");

		Page view = visitor().get(ticket.path());
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).contains("Printer on fire").contains("<em>really</em>").contains("log.txt");
		Matcher download = Pattern.compile("href=\"(/view/attachment/[^\"]+)\"").matcher(view.body());
		assertThat(download.find()).isTrue();
		Page file = visitor().get(download.group(1).replace("&amp;", "&"));
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.body()).isEqualTo("smoke");
		assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("log.txt");
		assertThat(file.header("Content-Type")).startsWith("text/plain");
	}

	@Test
	void aQueueThatIsNotPublicIsRefusedAndNothingIsCreated() {
		String hidden = unique("internal");
		long internal = client.createQueue(Map.of("title", "Internal " + hidden, "slug", hidden));
		String email = unique("sneaky") + "@example.test";

		Page refused = post(visitor(), internal, email, "Let me in", "Please", List.of());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Choose one of the offered queues.").contains("Let me in");
		assertThat(ticketsFrom(email)).isZero();
	}

	@Test
	void missingFieldsComeBackWithTheirReasons() {
		Page refused = post(visitor(), publicQueue, "not-an-address", "", "", List.of());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Enter a valid e-mail address.").contains("Enter a summary")
			.contains("Describe your request").contains("value=\"not-an-address\"");
	}

	@Test
	void aFilledHoneypotPretendsSuccessButCreatesNothing() {
		BrowserlessSession robot = visitor();
		robot.get("/submit");
		String email = unique("bot") + "@example.test";

		Page posted = robot.multipart("/submit", Map.of("queue", String.valueOf(publicQueue), "email", email,
				"title", "Cheap pills", "description", "Buy now", "priority", "3", "website", "http://spam.test"),
				List.of());

		Page shown = robot.follow(posted);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("We have received your request.").doesNotContain("secret-link");
		assertThat(ticketsFrom(email)).isZero();
	}

	@Test
	void theSixthSubmissionFromOneAddressWithinTheWindowIsRefused() {
		String email = unique("eager") + "@example.test";
		for (int i = 1; i <= 5; i++) {
			submit(i % 2 == 0 ? email.toUpperCase() : email, "Question " + i, "Details " + i);
		}

		Page sixth = post(visitor(), publicQueue, email, "Question 6", "Details 6", List.of());

		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.header("Retry-After")).isEqualTo("3600");
		assertThat(sixth.body()).contains("Too many tickets were submitted").contains("Question 6");
		assertThat(jdbc.sql("select count(*) from ticket where lower(submitter_email) = ?").param(email)
			.query(Long.class).single()).isEqualTo(5);
	}

	@Test
	void withoutTheRightKeyTheViewShowsNoTicketData() {
		String email = unique("secret") + "@example.test";
		Submitted ticket = submit(email, "Confidential matter", "The vault code is 0000");
		String withoutKey = "/view/?ticket=" + ticket.ref() + "&email=" + email;

		for (String path : List.of(withoutKey, ticket.pathWithKey("00000000-0000-0000-0000-000000000000"),
				ticket.pathWithKey(""), ticket.path().replace("email=", "email=x"))) {
			Page page = visitor().get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).doesNotContain("Confidential matter").doesNotContain("vault code")
				.contains("id=\"lookup-form\"").contains("We found no ticket");
		}
		Page blank = visitor().get("/view/");
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("id=\"lookup-form\"").doesNotContain("We found no ticket");
		Page otherCase = visitor().get(ticket.path().replace("email=" + email.substring(0, 3),
				"email=" + email.substring(0, 3).toUpperCase()));
		assertThat(otherCase.body()).contains("Confidential matter");
	}

	@Test
	void theViewNeverShowsPrivateEntriesOrTheirFiles() {
		String email = unique("nosy") + "@example.test";
		Submitted ticket = submit(email, "Where is my order", "Order 42");
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket.id()), "message", "Internal: customer is a known troll", "public", "n"));
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket.id()), "message", "It ships tomorrow", "public", "y"));
		Upload secret = new Upload("notes.txt", "text/plain", 6, new ByteArrayResource("secret".getBytes()));
		updates.update(ticket.id(), TicketUpdate.reply("Private with file", false).attach(List.of(secret)),
				SystemActor.INSTANCE);
		long privateFile = jdbc.sql("""
				select a.id from attachment a join followup f on f.id = a.followup_id
				where f.ticket_id = ? and f.public = false""").param(ticket.id()).query(Long.class).single();

		Page view = visitor().get(ticket.path());

		assertThat(view.body()).contains("It ships tomorrow").doesNotContain("known troll")
			.doesNotContain("Private with file").doesNotContain("notes.txt");
		Page file = visitor().get("/view/attachment/" + privateFile + "?" + URI.create(ticket.link()).getRawQuery());
		assertThat(file.status()).isEqualTo(404);
	}

	@Test
	void theCustomersReplyIsAPublicFollowUpAndReopensAClosedTicket() {
		String email = unique("back") + "@example.test";
		Submitted ticket = submit(email, "Broken again", "It broke");
		updates.update(ticket.id(), TicketUpdate.reply("Fixed it", true).changeStatus(TicketStatus.CLOSED),
				SystemActor.INSTANCE);
		BrowserlessSession customer = visitor();
		assertThat(customer.get(ticket.path()).body()).contains("Replying reopens it.");

		Page replied = customer.multipart("/view/reply", Map.of("ticket", ticket.ref(), "email", email, "key",
				key(ticket), "comment", "Still **broken**"), List.of());

		assertThat(replied.status()).isEqualTo(302);
		Page shown = customer.follow(replied);
		assertThat(shown.body()).contains("Your reply has been added.").contains("Still <strong>broken</strong>")
			.contains("Comment from submitter");
		var json = client.ticket(ticket.id());
		assertThat(json.get("status").asString()).isEqualTo("reopened");
		var last = json.get("followups").get(json.get("followups").size() - 1);
		assertThat(last.get("public").asBoolean()).isTrue();
		assertThat(last.get("comment").asString()).isEqualTo("Still **broken**");
		assertThat(last.path("user").isNull() || last.path("user").isMissingNode()).isTrue();
	}

	@Test
	void aReplyNeedsTheKeyAndAComment() {
		String email = unique("reply") + "@example.test";
		Submitted ticket = submit(email, "Question", "Body");
		BrowserlessSession customer = visitor();
		customer.get(ticket.path());

		Page wrongKey = customer.post("/view/reply", Map.of("ticket", ticket.ref(), "email", email, "key",
				"00000000-0000-0000-0000-000000000000", "comment", "sneaky"));
		Page blank = customer.post("/view/reply", Map.of("ticket", ticket.ref(), "email", email, "key", key(ticket),
				"comment", " "));

		assertThat(wrongKey.status()).isEqualTo(404);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("Write a comment");
		assertThat(client.ticket(ticket.id()).get("followups").size()).isEqualTo(1);
	}

	@Test
	void acceptingAResolvedTicketClosesItAndKeepsTheResolution() {
		String email = unique("happy") + "@example.test";
		Submitted ticket = submit(email, "How do I print", "Please help");
		BrowserlessSession customer = visitor();
		assertThat(customer.get(ticket.path()).body()).doesNotContain("id=\"accept-form\"");
		Page early = customer.post("/view/accept", Map.of("ticket", ticket.ref(), "email", email, "key", key(ticket)));
		assertThat(early.status()).isEqualTo(409);
		client.legacy("resolve", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket.id()), "resolution", "Press the green button"));
		assertThat(customer.get(ticket.path()).body()).contains("id=\"accept-form\"").contains("Press the green button");

		Page accepted = customer.post("/view/accept", Map.of("ticket", ticket.ref(), "email", email, "key", key(ticket)));

		assertThat(customer.follow(accepted).body()).contains("The ticket is closed.");
		var json = client.ticket(ticket.id());
		assertThat(json.get("status").asString()).isEqualTo("closed");
		assertThat(json.get("resolution").asString()).isEqualTo("Press the green button");
		var last = json.get("followups").get(json.get("followups").size() - 1);
		assertThat(last.get("title").asString()).isEqualTo("Submitter accepted resolution and closed ticket");
		assertThat(last.get("public").asBoolean()).isTrue();
	}

	@Test
	void scriptsInTitleDescriptionAndReplyStayInert() {
		String email = unique("xss") + "@example.test";
		Submitted ticket = submit(email, "<script>alert('title')</script>",
				"<img src=x onerror=alert(1)> [click](javascript:alert(2)) <iframe src=\"//evil.test\"></iframe>");
		BrowserlessSession customer = visitor();
		customer.get(ticket.path());
		customer.post("/view/reply", Map.of("ticket", ticket.ref(), "email", email, "key", key(ticket), "comment",
				"<svg onload=alert(3)></svg><a href=\"javascript:alert(4)\">x</a><script>alert(5)</script>"));

		String body = customer.get(ticket.path()).body();

		assertThat(body).contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
		assertThat(body).doesNotContain("<script>alert").doesNotContain("onerror").doesNotContain("onload")
			.doesNotContain("javascript:").doesNotContain("<iframe").doesNotContain("<svg");
		String mine = ticket.confirmation().body();
		assertThat(mine).doesNotContain("<script>alert");
	}

	@Test
	void aSignedInCustomerSeesOnlyTheirOwnTickets() {
		String user = unique("customer");
		String email = user + "@example.test";
		client.createUser(user, "customer-password-1", "user", email, List.of());
		Submitted own = submit(email, "My own problem", "Mine");
		Submitted ownOtherCase = submit(email.toUpperCase(), "My other problem", "Mine too");
		Submitted foreign = submit(unique("other") + "@example.test", "Somebody else's problem", "Theirs");
		BrowserlessSession customer = visitor();
		assertThat(customer.signIn(user, "customer-password-1")).isTrue();

		Page list = customer.get("/my-tickets");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("My own problem").contains("My other problem")
			.doesNotContain("Somebody else").doesNotContain(foreign.ref() + "<");
		assertThat(list.body().indexOf(ownOtherCase.ref())).isLessThan(list.body().indexOf(own.ref() + "<"));
		assertThat(list.body()).contains(own.path().replace("&", "&amp;"));
	}

	@Test
	void anonymousVisitorsOfMyTicketsAreAskedToSignIn() {
		Page page = visitor().get("/my-tickets");

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	@Test
	void aResolutionGivenInAPrivateReplyNeverShowsOnTheSecretLinkPage() {
		String email = unique("refund") + "@example.test";
		Submitted ticket = submit(email, "Refund please", "Order 7");
		updates.update(ticket.id(), status("Internal: refund fraud suspected", false, TicketStatus.RESOLVED), SystemActor.INSTANCE);
		updates.update(ticket.id(), status(null, false, TicketStatus.REOPENED), SystemActor.INSTANCE);
		updates.update(ticket.id(), status(null, true, TicketStatus.RESOLVED), SystemActor.INSTANCE);

		Page view = visitor().get(ticket.path());

		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).contains("id=\"accept-form\"").doesNotContain("fraud");
	}

	@Test
	void aPublicResolutionShowsOnTheSecretLinkPage() {
		String email = unique("solved") + "@example.test";
		Submitted ticket = submit(email, "Scanner", "It jams");
		updates.update(ticket.id(), status("Cleaned the rollers", true, TicketStatus.RESOLVED), SystemActor.INSTANCE);

		assertThat(visitor().get(ticket.path()).body()).contains("Cleaned the rollers");
	}

	@Test
	void privateEntriesOfAMergedTicketStayHiddenOnTheTargetsPage() {
		Submitted target = submit(unique("first") + "@example.test", "VPN down", "Cannot connect");
		Submitted source = submit(unique("second") + "@example.test", "VPN broken", "No tunnel");
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(source.id()), "message", "Internal: this user shares passwords", "public", "n"));
		client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(source.id()), "message", "Restart the client", "public", "y"));

		relations.merge(source.id(), target.id(), SystemActor.INSTANCE);

		String body = visitor().get(target.path()).body();
		assertThat(body).contains("Restart the client").doesNotContain("shares passwords");
	}

	private static TicketUpdate status(String comment, boolean isPublic, TicketStatus status) {
		return TicketUpdate.reply(comment, isPublic).changeStatus(status);
	}

	private static String key(Submitted ticket) {
		return ticket.link().replaceAll(".*key=([^&]+).*", "$1");
	}
}
