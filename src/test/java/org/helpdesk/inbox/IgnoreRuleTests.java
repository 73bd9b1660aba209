package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The ignore lists over real HTTP (the admin page and the JSON API), and what they do to inbound mail.
 */
abstract class IgnoreRuleTests extends FullStackTest {

	private static final String RULES = "/api/v1/ignore-rules";

	@Autowired
	MailIngestion ingestion;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IgnoreRuleStore store;

	@Test
	void anAdministratorAddsListsAndDeletesRulesThroughTheApi() {
		long queue = client.createQueue(unique("ign"));

		Response added = client.admin("POST", RULES, Map.of("name", "Shop spam", "email_address", " *@Spam.Example ",
				"keep_in_mailbox", true, "queues", List.of(queue)));

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		JsonNode rule = added.json();
		assertThat(rule.get("name").asString()).isEqualTo("Shop spam");
		assertThat(rule.get("email_address").asString()).isEqualTo("*@spam.example");
		assertThat(rule.get("keep_in_mailbox").asBoolean()).isTrue();
		assertThat(rule.get("all_queues").asBoolean()).isFalse();
		assertThat(rule.get("queues")).extracting(JsonNode::asLong).containsExactly(queue);
		assertThat(rule.get("date").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		long id = rule.get("id").asLong();
		assertThat(ruleIds()).contains(id);

		assertThat(client.admin("DELETE", RULES + "/" + id, null).status()).isEqualTo(204);
		assertThat(ruleIds()).doesNotContain(id);
		assertThat(client.admin("DELETE", RULES + "/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void aRuleWithoutQueuesIsForEveryQueue() {
		Response added = client.admin("POST", RULES, Map.of("name", "Robots", "email_address", "noreply@*"));

		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("all_queues").asBoolean()).isTrue();
		assertThat(added.json().get("queues")).isEmpty();
		assertThat(added.json().get("keep_in_mailbox").asBoolean()).isFalse();
	}

	@Test
	void badRulesAreRefusedWithTheFieldAndTheReasonAndNothingIsAdded() {
		int before = ruleIds().size();

		assertThat(client.admin("POST", RULES, Map.of("name", "X", "email_address", "bob smith@x.example"))
			.fieldErrors()).containsOnlyKeys("email_address");
		assertThat(client.admin("POST", RULES, Map.of("name", "X", "email_address", "*")).fieldErrors())
			.containsOnlyKeys("email_address");
		assertThat(client.admin("POST", RULES, Map.of("email_address", "*@x.example")).fieldErrors())
			.containsEntry("name", "is required");
		assertThat(client.admin("POST", RULES,
				Map.of("name", "<script>alert(1)</script>\u0000", "email_address", "a@b'; drop table queue;--"))
			.fieldErrors()).containsOnlyKeys("name", "email_address");
		assertThat(client.admin("POST", RULES, Map.of("name", "X", "email_address", "*@x.example", "queues",
				List.of(999_999_999L))).fieldErrors()).containsEntry("queues", "unknown queue ids [999999999]");
		assertThat(client.request("POST", RULES, ADMIN, ADMIN_PASSWORD,
				"{\"name\":\"X\",\"email_address\":\"*@x.example\",\"queues\":[\"abc\"]}").fieldErrors())
			.containsOnlyKeys("queues.0");
		assertThat(client.request("POST", RULES, ADMIN, ADMIN_PASSWORD,
				"{\"name\":\"X\",\"email_address\":\"*@x.example\",\"queues\":[null]}").fieldErrors())
			.containsOnlyKeys("queues");
		assertThat(client.request("POST", RULES, ADMIN, ADMIN_PASSWORD, "{\"name\":").fieldErrors())
			.containsOnlyKeys("body");
		assertThat(client.admin("POST", RULES, Map.of("name", "X", "email_address", "x".repeat(300))).fieldErrors())
			.containsEntry("email_address", "must be at most 254 characters");
		assertThat(ruleIds()).hasSize(before);
	}

	@Test
	void onlyAdministratorsMayReadOrChangeTheRules() {
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", agent + "@example.test", List.of());
		long id = client.admin("POST", RULES, Map.of("name", "Keep", "email_address", "*@keep.example")).json()
			.get("id").asLong();

		assertThat(client.request("GET", RULES, agent, "agent-password-1", null).status()).isEqualTo(403);
		assertThat(client.request("POST", RULES, agent, "agent-password-1",
				"{\"name\":\"X\",\"email_address\":\"*@x.example\"}").status()).isEqualTo(403);
		assertThat(client.request("DELETE", RULES + "/" + id, agent, "agent-password-1", null).status()).isEqualTo(403);
		assertThat(client.request("GET", RULES, null, null, null).status()).isEqualTo(401);
		assertThat(ruleIds()).contains(id);
		BrowserlessSession agentPages = BrowserlessSession.signedIn(client.base(), agent, "agent-password-1");
		assertThat(agentPages.get("/admin/ignore").status()).isEqualTo(403);
	}

	@Test
	void mailFromAnIgnoredSenderOpensNoTicketAndStaysInTheMailboxWhenTheRuleSaysSo() {
		long queue = client.createQueue(unique("in"));
		long other = client.createQueue(unique("other"));
		long keep = addRule("Kept", "*@ignored.example", true, List.of(queue));
		addRule("Deleted", "robot@*", false, List.of(queue));

		IngestOutcome kept = ingestion.ingest(queue, mail("Carol@IGNORED.example", "Buy now"), MailSource.HTTP);
		IngestOutcome deleted = ingestion.ingest(queue, mail("robot@shop.example", "Order"), MailSource.HTTP);

		assertThat(kept.result()).isEqualTo(IngestResult.IGNORED);
		assertThat(kept.keepInMailbox()).isTrue();
		assertThat(kept.ticketId()).isNull();
		assertThat(kept.reason()).contains("Kept");
		assertThat(deleted.result()).isEqualTo(IngestResult.IGNORED);
		assertThat(deleted.keepInMailbox()).isFalse();
		assertThat(ticketsIn(queue)).isZero();

		assertThat(ingestion.ingest(other, mail("carol@ignored.example", "Elsewhere"), MailSource.HTTP).result())
			.isEqualTo(IngestResult.CREATED);
		assertThat(client.admin("DELETE", RULES + "/" + keep, null).status()).isEqualTo(204);
		assertThat(ingestion.ingest(queue, mail("carol@ignored.example", "Now welcome"), MailSource.HTTP).result())
			.isEqualTo(IngestResult.CREATED);
		assertThat(ticketsIn(queue)).isOne();
	}

	@Test
	void aRuleAddedOrDeletedOnOneNodeHoldsOnAnotherForTheNextMessage() {
		long queue = client.createQueue(unique("nodes"));
		IgnoreRules otherNode = new IgnoreRules(store);
		assertThat(otherNode.match(queue, "x@late.example")).isEmpty();

		long id = addRule("Late", "*@late.example", false, List.of(queue));

		assertThat(otherNode.match(queue, "x@late.example")).map(IgnoreRules.IgnoreVerdict::ruleName).contains("Late");
		assertThat(client.admin("DELETE", RULES + "/" + id, null).status()).isEqualTo(204);
		assertThat(otherNode.match(queue, "x@late.example")).isEmpty();
	}

	@Test
	void anAdministratorAddsAndDeletesARuleOnThePage() {
		String slug = unique("page");
		long queue = client.createQueue(slug);
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/ignore").body()).contains("id=\"ignore-form\"").contains("Queue " + slug);

		Page added = admin.post("/admin/ignore", form("<b>Newsletters</b> " + slug, "*@news.example", "true", queue));

		assertThat(added.status()).isEqualTo(302);
		Page list = admin.follow(added);
		assertThat(list.body()).contains("&lt;b&gt;Newsletters&lt;/b&gt; " + slug).doesNotContain("<b>Newsletters")
			.contains("*@news.example").contains("id=\"ignore-added\"");
		JsonNode rule = ruleNamed("<b>Newsletters</b> " + slug);
		assertThat(rule.get("keep_in_mailbox").asBoolean()).isTrue();
		assertThat(rule.get("queues")).extracting(JsonNode::asLong).containsExactly(queue);

		Page deleted = admin.post("/admin/ignore/" + rule.get("id").asLong() + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(admin.follow(deleted).body()).doesNotContain("Newsletters&lt;/b&gt; " + slug);
		assertThat(ruleNamed("<b>Newsletters</b> " + slug)).isNull();
		assertThat(admin.post("/admin/ignore/999999999/delete", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aBadRuleOnThePageComesBackWithTheReasonAndAForgedFormIsRefused() {
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/ignore");
		int before = ruleIds().size();

		Page bad = admin.post("/admin/ignore", form("Spaces", "bob smith@x.example", null, null));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"emailAddress-problem\"").contains("value=\"bob smith@x.example\"");
		Map<String, String> forged = form("Forged", "*@forged.example", null, null);
		forged.put("_csrf", "not-the-token");
		assertThat(admin.post("/admin/ignore", forged).status()).isEqualTo(403);
		Page unknownQueue = admin.post("/admin/ignore", form("Gone", "*@gone.example", null, 999_999_999L));
		assertThat(unknownQueue.status()).isEqualTo(400);
		assertThat(ruleIds()).hasSize(before);
	}

	private long addRule(String name, String pattern, boolean keep, List<Long> queues) {
		Response added = client.admin("POST", RULES,
				Map.of("name", name, "email_address", pattern, "keep_in_mailbox", keep, "queues", queues));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json().get("id").asLong();
	}

	private static Map<String, String> form(String name, String pattern, String keep, Long queue) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("emailAddress", pattern);
		if (keep != null) {
			form.put("keepInMailbox", keep);
		}
		if (queue != null) {
			form.put("queues", String.valueOf(queue));
		}
		return form;
	}

	private static byte[] mail(String from, String subject) {
		return ("From: Someone <" + from + ">\r\nTo: help@queue.example\r\nSubject: " + subject + "\r\nMessage-ID: <"
				+ unique("m") + "@sender.example>\r\n\r\nHello\r\n").getBytes(StandardCharsets.UTF_8);
	}

	private long ticketsIn(long queue) {
		return jdbc.sql("select count(*) from ticket where queue_id = ?").param(queue).query(Long.class).single();
	}

	private List<Long> ruleIds() {
		Response list = client.admin("GET", RULES, null);
		assertThat(list.status()).isEqualTo(200);
		return list.json().valueStream().map(r -> r.get("id").asLong()).toList();
	}

	private JsonNode ruleNamed(String name) {
		return client.admin("GET", RULES, null).json().valueStream().filter(r -> r.get("name").asString().equals(name))
			.findFirst().orElse(null);
	}
}
