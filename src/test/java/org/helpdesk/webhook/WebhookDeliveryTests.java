package org.helpdesk.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as an integrator sees them, against a real HTTP receiver: signed deliveries built from the change log
 * after commit, retried after errors and timeouts, in order per ticket, once each across an outage, redelivered on
 * request, chosen by kind and queue, and an endpoint that keeps failing disabled with a mail to the administrators.
 */
@DirtiesContext
@TestPropertySource(properties = { "helpdesk.webhooks.allow-private-targets=true",
		"helpdesk.webhooks.retry-base=100ms", "helpdesk.webhooks.retry-max=400ms",
		"helpdesk.webhooks.connect-timeout=1s", "helpdesk.webhooks.read-timeout=1s",
		"helpdesk.webhooks.poll-interval=100ms", "helpdesk.webhooks.disable-after=4s" })
abstract class WebhookDeliveryTests extends FullStackTest {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

	private Receiver receiver;

	private long queue;

	@BeforeEach
	void receiver() throws IOException {
		receiver = new Receiver(Duration.ofMillis(1500));
		queue = client.createQueue(unique("hooks"));
	}

	/** Endpoints of earlier tests would keep failing at their closed receivers. */
	@AfterEach
	void stop() {
		client.admin("GET", "/api/v1/webhooks", null).json()
			.forEach(e -> client.admin("DELETE", "/api/v1/webhooks/" + e.get("id").asLong(), null));
		receiver.close();
	}

	private JsonNode register(String path, Map<String, Object> fields) {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("url", receiver.url(path));
		Response response = client.admin("POST", "/api/v1/webhooks", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private long openTicket(long inQueue, String title) {
		Response response = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(inQueue), "title", title, "submitter_email", "customer@example.test", "body", "details"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return Long.parseLong(response.body().trim());
	}

	private void comment(long ticket, String text) {
		Response response = client.legacy("add_followup", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "ticket",
				String.valueOf(ticket), "message", text, "public", "y"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private List<JsonNode> deliveries(long endpoint) {
		Response response = client.admin("GET", "/api/v1/webhooks/" + endpoint + "/deliveries?limit=500", null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(response.json().spliterator(), false).toList();
	}

	/** Recomputes the signature as a receiver would, with the endpoint's secret. */
	static boolean signedWith(String secret, Receiver.Request request) {
		Matcher m = SIGNATURE.matcher(request.header("Helpdesk-Signature"));
		if (!m.matches()) {
			return false;
		}
		return Signatures.hmac(secret, Long.parseLong(m.group(1)), request.body().getBytes(StandardCharsets.UTF_8))
			.equals(m.group(2)) && hmacByHand(secret, m.group(1) + "." + request.body()).equals(m.group(2));
	}

	/** HMAC-SHA256 with the JDK directly, so the test does not only trust the code it tests. */
	private static String hmacByHand(String secret, String text) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aDeliveryThatFailsThenTimesOutThenSucceedsArrivesSignedWithEveryAttemptLogged() {
		receiver.script(500, Receiver.STALL, 200);
		JsonNode endpoint = register("/hook", Map.of("events", List.of("created")));
		String secret = endpoint.get("secret").asString();

		long ticket = openTicket(queue, "Printer on fire");

		Receiver.await("the third attempt succeeded", PATIENCE, () -> receiver.requests(Receiver.Request::succeeded).size() == 1);
		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).extracting(Receiver.Request::answered).containsExactly(500, Receiver.STALL, 200);
		assertThat(Receiver.ids(requests)).containsOnly(requests.get(0).deliveryId());
		for (Receiver.Request request : requests) {
			assertThat(signedWith(secret, request)).as(request.header("Helpdesk-Signature")).isTrue();
			assertThat(request.header("Helpdesk-Event")).isEqualTo("created");
			assertThat(request.header("Content-Type")).isEqualTo("application/json");
		}
		assertThat(signedWith("whsec_not-the-secret-at-all", requests.get(2))).isFalse();
		JsonNode body = requests.get(2).json();
		assertThat(body.get("id").asLong()).isEqualTo(requests.get(2).deliveryId());
		assertThat(body.get("event").asString()).isEqualTo("created");
		assertThat(body.get("ticket_id").asLong()).isEqualTo(ticket);
		assertThat(body.get("queue_id").asLong()).isEqualTo(queue);
		assertThat(body.get("position").asLong()).isPositive();
		assertThat(body.get("actor_id").isNumber()).isTrue();
		assertThat(body.get("occurred_at").asString()).endsWith("Z");
		assertThat(body.get("fields").get("title").asString()).isEqualTo("Printer on fire");
		Receiver.await("the success is recorded", PATIENCE,
				() -> deliveries(endpoint.get("id").asLong()).get(0).get("status").asString().equals("delivered"));
		JsonNode delivery = deliveries(endpoint.get("id").asLong()).get(0);
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.get("last_status").asInt()).isEqualTo(200);
		JsonNode log = delivery.get("attempt_log");
		assertThat(log).hasSize(3);
		assertThat(log.get(0).get("status_code").asInt()).isEqualTo(200);
		assertThat(log.get(1).get("status_code").isNull()).isTrue();
		assertThat(log.get(1).get("error").asString()).contains("timed out");
		assertThat(log.get(2).get("status_code").asInt()).isEqualTo(500);
		assertThat(log.get(2).get("error").asString()).isEqualTo("HTTP 500");
		log.forEach(attempt -> assertThat(attempt.get("at").asString()).isNotBlank());
		assertThat(log.get(1).get("duration_ms").asLong()).isGreaterThanOrEqualTo(900);
	}

	@Test
	void changesOfOneTicketArriveInOrderEvenWhenTheFirstHadToBeRetried() {
		receiver.answerAll(500);
		JsonNode endpoint = register("/ordered", Map.of());
		long id = endpoint.get("id").asLong();
		long ticket = openTicket(queue, "Ordered");
		comment(ticket, "first comment");
		comment(ticket, "second comment");
		long other = openTicket(queue, "Another");
		Receiver.await("every change has its delivery", PATIENCE, () -> deliveries(id).size() == 4);
		// counted for this ticket alone: the other ticket's retries would otherwise make up the count
		Receiver.await("the ticket's first change was tried three times", PATIENCE,
				() -> receiver.requests(r -> r.json().get("ticket_id").asLong() == ticket).size() >= 3);

		receiver.answerAll(200);

		Receiver.await("every change arrived", PATIENCE, () -> new HashSet<>(
				Receiver.ids(receiver.requests(Receiver.Request::succeeded))).size() == 4);
		List<Receiver.Request> ofTicket = receiver.requests(r -> r.json().get("ticket_id").asLong() == ticket);
		long first = ofTicket.get(0).deliveryId();
		int firstSuccess = ofTicket.indexOf(ofTicket.stream().filter(Receiver.Request::succeeded).findFirst().orElseThrow());
		assertThat(firstSuccess).isGreaterThanOrEqualTo(3);
		assertThat(ofTicket.subList(0, firstSuccess + 1)).allMatch(r -> r.deliveryId() == first);
		List<Receiver.Request> succeeded = ofTicket.stream().filter(Receiver.Request::succeeded).toList();
		assertThat(succeeded).extracting(r -> r.json().get("position").asLong()).isSorted().doesNotHaveDuplicates();
		assertThat(succeeded).extracting(r -> r.json().get("event").asString())
			.containsExactly("created", "followup_added", "followup_added");
		assertThat(receiver.requests(r -> r.json().get("ticket_id").asLong() == other)).isNotEmpty();
		assertThat(Receiver.ids(receiver.requests(Receiver.Request::succeeded))).hasSize(4).doesNotHaveDuplicates();
		Receiver.await("every delivery is recorded", PATIENCE, () -> deliveries(id).stream()
			.allMatch(d -> d.get("status").asString().equals("delivered")));
	}

	@Test
	void aReceiverOutageThenRecoveryDeliversEveryChangeOnce() {
		receiver.answerAll(503);
		JsonNode endpoint = register("/outage", Map.of("events", List.of("created", "followup_added")));
		for (int i = 0; i < 5; i++) {
			long ticket = openTicket(queue, "Outage " + i);
			comment(ticket, "more " + i);
		}
		Receiver.await("attempts failed during the outage", PATIENCE, () -> receiver.requests().size() >= 8);

		receiver.answerAll(200);

		Receiver.await("everything arrived", PATIENCE, () -> receiver.requests(Receiver.Request::succeeded).size() >= 10);
		Receiver.await("everything is recorded as delivered", PATIENCE, () -> deliveries(endpoint.get("id").asLong())
			.stream().allMatch(d -> d.get("status").asString().equals("delivered")));
		List<Long> delivered = Receiver.ids(receiver.requests(Receiver.Request::succeeded));
		assertThat(delivered).hasSize(10).doesNotHaveDuplicates();
		assertThat(deliveries(endpoint.get("id").asLong())).hasSize(10);
		assertThat(client.admin("GET", "/api/v1/webhooks/" + endpoint.get("id").asLong(), null).json().get("active")
			.asBoolean()).isTrue();
	}

	@Test
	void aDeliveryIsSentAgainWithTheSameIdOnRequest() {
		JsonNode endpoint = register("/again", Map.of("events", List.of("created")));
		openTicket(queue, "Send me twice");
		Receiver.await("the delivery arrived", PATIENCE, () -> receiver.requests().size() == 1);
		long id = receiver.requests().get(0).deliveryId();
		Receiver.await("it is recorded", PATIENCE, () -> deliveries(endpoint.get("id").asLong()).get(0).get("status")
			.asString().equals("delivered"));

		Response redelivered = client.admin("POST", "/api/v1/webhooks/deliveries/" + id + "/redeliver", null);

		assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
		Receiver.await("it arrived again", PATIENCE, () -> receiver.requests().size() == 2);
		assertThat(receiver.requests().get(1).deliveryId()).isEqualTo(id);
		assertThat(receiver.requests().get(1).json().get("fields")).isEqualTo(receiver.requests().get(0).json().get("fields"));
		assertThat(client.admin("POST", "/api/v1/webhooks/deliveries/99999999/redeliver", null).status()).isEqualTo(404);
	}

	@Test
	void eventKindsAndQueuesChooseWhatAnEndpointReceives() {
		long otherQueue = client.createQueue(unique("other"));
		register("/comments", Map.of("events", List.of("followup_added"), "queues", List.of(queue)));
		register("/other-queue", Map.of("queues", List.of(otherQueue)));
		long here = openTicket(queue, "Here");
		comment(here, "a comment");
		long there = openTicket(otherQueue, "There");
		openTicket(queue, "Marker");
		comment(there, "over there");

		Receiver.await("both endpoints received", PATIENCE, () -> Receiver.to(receiver.requests(), "/comments").size() >= 1
				&& Receiver.to(receiver.requests(), "/other-queue").size() >= 2);
		List<Receiver.Request> comments = Receiver.to(receiver.requests(), "/comments");
		assertThat(comments).hasSize(1);
		assertThat(comments.get(0).json().get("event").asString()).isEqualTo("followup_added");
		assertThat(comments.get(0).json().get("ticket_id").asLong()).isEqualTo(here);
		assertThat(Receiver.to(receiver.requests(), "/other-queue"))
			.allMatch(r -> r.json().get("ticket_id").asLong() == there && r.json().get("queue_id").asLong() == otherQueue)
			.extracting(r -> r.json().get("event").asString()).containsExactly("created", "followup_added");
	}

	@Test
	void anEndpointFailingPastTheWindowIsDisabledAndTheAdministratorsAreMailed() {
		String adminMail = unique("admin") + "@example.test";
		client.createUser(unique("boss"), "admin-password-2", "admin", adminMail, List.of());
		receiver.answerAll(500);
		JsonNode endpoint = register("/dead", Map.of("events", List.of("created")));
		long id = endpoint.get("id").asLong();
		openTicket(queue, "Nobody listens");

		Receiver.await("the endpoint is disabled", PATIENCE, () -> !client.admin("GET", "/api/v1/webhooks/" + id, null)
			.json().get("active").asBoolean());

		JsonNode disabled = client.admin("GET", "/api/v1/webhooks/" + id, null).json();
		assertThat(disabled.get("disabled_reason").asString()).contains("HTTP 500");
		assertThat(receiver.requests().size()).isGreaterThan(2);
		assertThat(TestMail.subjects(TestMail.awaitCount(adminMail, 1))).containsExactly("Webhook " + id + " disabled");
		int seen = receiver.requests().size();
		Response enabled = client.admin("PATCH", "/api/v1/webhooks/" + id, Map.of("active", true));
		assertThat(enabled.json().get("active").asBoolean()).isTrue();
		assertThat(enabled.json().get("failing_since").isNull()).isTrue();
		receiver.answerAll(200);
		Receiver.await("the pending delivery went out", PATIENCE, () -> receiver.requests(Receiver.Request::succeeded).size() >= 1);
		assertThat(receiver.requests(Receiver.Request::succeeded).get(0).json().get("fields").get("title").asString())
			.isEqualTo("Nobody listens");
		assertThat(receiver.requests().size()).isGreaterThan(seen);
	}

	@Test
	void theSecretIsShownOnlyWhenMadeAndANewOneSignsTheNextDeliveries() {
		JsonNode endpoint = register("/secret", Map.of("events", List.of("created"), "secret", "my-own-secret-0123456789"));
		long id = endpoint.get("id").asLong();
		assertThat(endpoint.get("secret").asString()).isEqualTo("my-own-secret-0123456789");
		assertThat(client.admin("GET", "/api/v1/webhooks/" + id, null).json().has("secret")).isFalse();
		assertThat(client.admin("GET", "/api/v1/webhooks", null).body()).doesNotContain("my-own-secret");

		String rotated = client.admin("PATCH", "/api/v1/webhooks/" + id, Map.of("new_secret", true)).json().get("secret")
			.asString();
		openTicket(queue, "Signed anew");

		assertThat(rotated).startsWith("whsec_").hasSizeGreaterThan(40);
		Receiver.await("the delivery arrived", PATIENCE, () -> receiver.requests().size() == 1);
		assertThat(signedWith(rotated, receiver.requests().get(0))).isTrue();
		assertThat(signedWith("my-own-secret-0123456789", receiver.requests().get(0))).isFalse();
	}

	@Test
	void endpointsAreListedChangedAndDeleted() {
		JsonNode endpoint = register("/crud", Map.of("events", List.of("created", "deleted")));
		long id = endpoint.get("id").asLong();
		assertThat(endpoint.get("all_events").asBoolean()).isFalse();
		assertThat(endpoint.get("all_queues").asBoolean()).isTrue();

		Response changed = client.admin("PATCH", "/api/v1/webhooks/" + id,
				Map.of("events", List.of(), "queues", List.of(queue), "active", false));

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("all_events").asBoolean()).isTrue();
		assertThat(changed.json().get("queues").get(0).asLong()).isEqualTo(queue);
		assertThat(changed.json().get("active").asBoolean()).isFalse();
		assertThat(changed.json().get("url").asString()).isEqualTo(receiver.url("/crud"));
		assertThat(client.admin("GET", "/api/v1/webhooks", null).json()).extracting(e -> e.get("id").asLong()).contains(id);
		assertThat(client.admin("DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(204);
		assertThat(client.admin("GET", "/api/v1/webhooks/" + id, null).status()).isEqualTo(404);
		assertThat(client.admin("DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(404);
		assertThat(client.admin("GET", "/api/v1/webhooks/" + id + "/deliveries", null).status()).isEqualTo(404);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		String url = receiver.url("/bad");
		assertThat(errors(Map.of("events", List.of("created")))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", "ftp://example.com/x"))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", "http://user:pw@example.com/x"))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", "not a url"))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", "http://example.com/" + "x".repeat(2100)))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", "javascript:alert(1)"))).containsOnlyKeys("url");
		assertThat(errors(Map.of("url", url, "events", List.of("created", "<script>")))).containsOnlyKeys("events");
		assertThat(errors(Map.of("url", url, "events", "created"))).containsOnlyKeys("events");
		assertThat(errors(Map.of("url", url, "queues", List.of(99999999)))).containsOnlyKeys("queues");
		assertThat(errors(Map.of("url", url, "queues", List.of("1; drop table queue")))).containsOnlyKeys("queues.0");
		assertThat(errors(Map.of("url", url, "secret", "short"))).containsOnlyKeys("secret");
		assertThat(errors(Map.of("url", url, "secret", "has spaces in it, which is no good"))).containsOnlyKeys("secret");
		assertThat(errors(Map.of("url", url, "active", 1))).containsOnlyKeys("active");
		assertThat(client.request("POST", "/api/v1/webhooks", ADMIN, ADMIN_PASSWORD, "{\"url\": ").fieldErrors())
			.containsOnlyKeys("body");
		long id = register("/bad", Map.of()).get("id").asLong();
		assertThat(client.admin("PATCH", "/api/v1/webhooks/" + id, Map.of("url", "gopher://x")).fieldErrors())
			.containsOnlyKeys("url");
		assertThat(client.admin("GET", "/api/v1/webhooks/" + id + "/deliveries?limit=0", null).fieldErrors())
			.containsOnlyKeys("limit");
		assertThat(client.admin("GET", "/api/v1/webhooks/abc", null).fieldErrors()).containsOnlyKeys("id");
		assertThat(client.admin("GET", "/api/v1/webhooks/" + id, null).json().get("url").asString()).isEqualTo(url);
	}

	private Map<String, String> errors(Map<String, Object> body) {
		return client.admin("POST", "/api/v1/webhooks", body).fieldErrors();
	}

	@Test
	void onlyAdministratorsMayManageWebhooks() {
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", null, List.of());
		String json = "{\"url\":\"" + receiver.url("/sneaky") + "\"}";

		assertThat(client.request("GET", "/api/v1/webhooks", agent, "agent-password-1", null).status()).isEqualTo(403);
		assertThat(client.request("POST", "/api/v1/webhooks", agent, "agent-password-1", json).status()).isEqualTo(403);
		assertThat(client.request("POST", "/api/v1/webhooks/deliveries/1/redeliver", agent, "agent-password-1", null)
			.status()).isEqualTo(403);
		assertThat(client.request("GET", "/api/v1/webhooks", null, null, null).status()).isEqualTo(401);
		var session = new org.helpdesk.support.BrowserlessSession(client.base());
		assertThat(session.signIn(agent, "agent-password-1")).isTrue();
		assertThat(session.get("/admin/webhooks").status()).isEqualTo(403);
		session.get("/account/settings");
		assertThat(session.post("/admin/webhooks", Map.of("url", receiver.url("/sneaky"))).status()).isEqualTo(403);
		assertThat(client.admin("GET", "/api/v1/webhooks", null).body()).doesNotContain("/sneaky");
	}

	@Test
	void theAdminPageRegistersAnEndpointAndShowsItsSecretOnce() {
		var admin = new org.helpdesk.support.BrowserlessSession(client.base());
		assertThat(admin.signIn(ADMIN, ADMIN_PASSWORD)).isTrue();
		admin.get("/admin/webhooks");

		var refused = admin.post("/admin/webhooks", Map.of("url", "ftp://example.com/"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("must be an http or https URL");

		var added = admin.post("/admin/webhooks", Map.of("url", receiver.url("/page"), "events", "created"));
		assertThat(added.status()).isEqualTo(302);
		var page = admin.follow(added);
		assertThat(page.body()).contains(receiver.url("/page")).contains("whsec_");
		Matcher secret = Pattern.compile("id=\"secret-value\">(whsec_[A-Za-z0-9_-]+)<").matcher(page.body());
		assertThat(secret.find()).isTrue();
		assertThat(admin.get("/admin/webhooks").body()).doesNotContain(secret.group(1));

		openTicket(queue, "From the page");
		Receiver.await("the delivery arrived", PATIENCE, () -> receiver.requests().size() == 1);
		assertThat(signedWith(secret.group(1), receiver.requests().get(0))).isTrue();
		long endpoint = java.util.stream.StreamSupport.stream(client.admin("GET", "/api/v1/webhooks", null).json().spliterator(), false)
			.filter(e -> e.get("url").asString().equals(receiver.url("/page"))).findFirst().orElseThrow().get("id").asLong();
		Receiver.await("it is recorded", PATIENCE, () -> deliveries(endpoint).get(0).get("status").asString().equals("delivered"));
		var deliveriesPage = admin.get("/admin/webhooks/" + endpoint);
		assertThat(deliveriesPage.status()).isEqualTo(200);
		assertThat(deliveriesPage.body()).contains("delivered").contains("· 200 ·");
	}

	@Autowired
	WebhookRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void finishedDeliveriesOlderThanTheRetentionGoWithTheirAttemptsWhilePendingAndRecentOnesStay() throws IOException {
		long ok = register("/ok", Map.of("events", List.of("created"))).get("id").asLong();
		try (Receiver down = new Receiver(Duration.ofMillis(1500))) {
			down.answerAll(503);
			Response registered = client.admin("POST", "/api/v1/webhooks",
					Map.of("url", down.url("/down"), "events", List.of("created")));
			assertThat(registered.status()).as(registered.body()).isEqualTo(201);
			long failing = registered.json().get("id").asLong();
			long old = openTicket(queue, "Delivered long ago");
			Receiver.await("delivered to one, tried at the other", PATIENCE,
					() -> deliveries(ok).size() == 1 && deliveries(ok).get(0).get("status").asString().equals("delivered")
							&& !down.requests().isEmpty());
			long oldDelivery = deliveries(ok).get(0).get("id").asLong();
			jdbc.update("update webhook_delivery set created = created - interval '40' day where endpoint_id in (?, ?)",
					ok, failing);
			long recent = openTicket(queue, "Delivered today");
			Receiver.await("the recent one delivered", PATIENCE, () -> deliveries(ok).size() == 2
					&& deliveries(ok).stream().allMatch(d -> d.get("status").asString().equals("delivered")));

			assertThat(retention.removeOld()).isEqualTo(1);

			assertThat(deliveries(ok)).extracting(d -> d.get("ticket_id").asLong()).containsExactly(recent);
			assertThat(jdbc.queryForObject("select count(*) from webhook_attempt where delivery_id = ?", Long.class,
					oldDelivery)).as("its attempts went with it").isZero();
			assertThat(deliveries(failing)).as("still pending at the failing receiver, however old")
				.extracting(d -> d.get("ticket_id").asLong()).containsExactlyInAnyOrder(old, recent);
		}
	}
}
