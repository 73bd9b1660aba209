package org.helpdesk.escalation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators manage exclusion dates on /admin/escalation and through /api/v1/escalation-exclusions; bad input
 * is answered with the field and the reason, and saves nothing.
 */
@TestPropertySource(properties = "helpdesk.escalation.enabled=false")
abstract class ExclusionDatesTests extends FullStackTest {

	private static final String API = "/api/v1/escalation-exclusions";

	private int count() {
		return client.admin("GET", API, null).json().size();
	}

	private BrowserlessSession admin() {
		return BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
	}

	@Test
	void theApiAddsListsAndDeletesExclusionDates() {
		long queue = client.createQueue(unique("exq"));

		Response added = client.admin("POST", API, Map.of("name", "Christmas", "date", "2031-12-25", "queues", List.of(queue)));
		Response everywhere = client.admin("POST", API, Map.of("name", "New Year", "date", "2032-01-01"));

		assertThat(added.status()).isEqualTo(201);
		JsonNode body = added.json();
		assertThat(body.get("name").asString()).isEqualTo("Christmas");
		assertThat(body.get("date").asString()).isEqualTo("2031-12-25");
		assertThat(body.get("all_queues").asBoolean()).isFalse();
		assertThat(body.get("queues").get(0).asLong()).isEqualTo(queue);
		assertThat(everywhere.json().get("all_queues").asBoolean()).isTrue();
		assertThat(everywhere.json().get("queues")).isEmpty();
		long id = body.get("id").asLong();
		assertThat(client.admin("GET", API, null).json().valueStream().map(e -> e.get("id").asLong()))
			.contains(id, everywhere.json().get("id").asLong());

		assertThat(client.admin("DELETE", API + "/" + id, null).status()).isEqualTo(204);
		assertThat(client.admin("GET", API, null).json().valueStream().map(e -> e.get("id").asLong()))
			.doesNotContain(id);
		assertThat(client.admin("DELETE", API + "/" + id, null).status()).isEqualTo(404);

		Response mondays = client.admin("POST", API + "/weekly", Map.of("weekday", "Monday", "count", 2, "queues", List.of(queue)));
		assertThat(mondays.status()).isEqualTo(201);
		assertThat(mondays.json().valueStream().map(e -> LocalDate.parse(e.get("date").asString()).getDayOfWeek()))
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.MONDAY);
		assertProblem(API + "/weekly", Map.of("weekday", "caturday", "count", 0), "weekday");
		assertProblem(API + "/weekly", Map.of("weekday", "friday"), "count");
	}

	@Test
	void badInputIsAnsweredWithTheFieldAndTheReasonAndSavesNothing() {
		int before = count();
		assertProblem(Map.of("name", "Leap", "date", "2031-02-29"), "date");
		assertProblem(Map.of("name", "Soon", "date", "next friday"), "date");
		assertProblem(Map.of("name", "Far", "date", "+99999-01-01"), "date");
		assertProblem(Map.of("name", "Sql", "date", "2031-01-01'; drop table ticket; --"), "date");
		assertProblem(Map.of("date", "2031-01-01"), "name");
		assertProblem(Map.of("name", "x".repeat(101), "date", "2031-01-01"), "name");
		assertProblem(Map.of("name", "Gone", "date", "2031-01-01", "queues", List.of(999_999_999L)), "queues");
		assertProblem(Map.of("name", "Huge", "date", "2031-01-01", "queues", List.of("99999999999999999999999")),
				"queues.0");
		Response notJson = client.request("POST", API, ADMIN, ADMIN_PASSWORD, "{\"name\": ");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(client.admin("DELETE", API + "/not-a-number", null).status()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);
	}

	private void assertProblem(Map<String, Object> body, String field) {
		assertProblem(API, body, field);
	}

	private void assertProblem(String path, Map<String, Object> body, String field) {
		Response response = client.admin("POST", path, body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
		assertThat(response.json().get("errors").get(0).get("reason").asString()).isNotBlank();
	}

	@Test
	void onlyAdministratorsMayUseTheApi() {
		String agent = unique("agent");
		client.createUser(agent, "agent-password-1", "agent", null, List.of());
		String body = "{\"name\":\"Mine\",\"date\":\"2031-05-01\"}";

		assertThat(client.request("POST", API, agent, "agent-password-1", body).status()).isEqualTo(403);
		assertThat(client.request("GET", API, agent, "agent-password-1", null).status()).isEqualTo(403);
		assertThat(client.request("POST", API, null, null, body).status()).isEqualTo(401);
		Page page = BrowserlessSession.signedIn(client.base(), agent, "agent-password-1").get("/admin/escalation");
		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void anAdminAddsADateAndTheNextSaturdaysOnThePageAndDeletesOne() {
		long queue = client.createQueue(unique("page"));
		BrowserlessSession admin = admin();
		assertThat(admin.get("/admin/escalation").status()).isEqualTo(200);

		Page added = admin.post("/admin/escalation",
				Map.of("name", "<script>alert(1)</script>", "date", "2031-10-03", "queues", String.valueOf(queue)));
		assertThat(added.status()).isEqualTo(302);
		Page list = admin.follow(added);
		assertThat(list.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
			.contains("2031-10-03");

		Page weekly = admin.post("/admin/escalation/weekly",
				Map.of("weekday", "saturday", "count", "3", "queues", String.valueOf(queue)));
		assertThat(weekly.status()).isEqualTo(302);
		assertThat(admin.follow(weekly).body()).contains("3 exclusion date(s) added");
		LocalDate saturday = LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		List<JsonNode> saturdays = client.admin("GET", API, null).json().valueStream()
			.filter(e -> e.get("queues").valueStream().anyMatch(q -> q.asLong() == queue))
			.filter(e -> e.get("name").asString().equals("Auto exclusion for Saturday")).toList();
		assertThat(saturdays).extracting(e -> e.get("date").asString()).containsExactlyInAnyOrder(saturday.toString(),
				saturday.plusWeeks(1).toString(), saturday.plusWeeks(2).toString());
		// the same again skips the dates already there
		assertThat(admin.follow(admin.post("/admin/escalation/weekly",
				Map.of("weekday", "saturday", "count", "4", "queues", String.valueOf(queue)))).body())
			.contains("1 exclusion date(s) added");

		long id = saturdays.get(0).get("id").asLong();
		Page deleted = admin.post("/admin/escalation/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(admin.follow(deleted).body()).doesNotContain("id=\"exclusion-" + id + "\"");
	}

	@Test
	void thePageShowsWhatIsWrongAndSavesNothing() {
		int before = count();
		BrowserlessSession admin = admin();
		admin.get("/admin/escalation");

		Page badDate = admin.post("/admin/escalation", Map.of("name", "Typo", "date", "2031-13-01"));
		Page badQueue = admin.post("/admin/escalation", Map.of("name", "Typo", "date", "2031-12-01", "queues", "x"));
		Page badWeekly = admin.post("/admin/escalation/weekly", Map.of("weekday", "someday", "count", "1000"));

		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.body()).contains("id=\"date-problem\"").contains("must be a date such as 2026-12-24")
			.contains("value=\"Typo\"");
		assertThat(badQueue.status()).isEqualTo(400);
		assertThat(badQueue.body()).contains("names a queue that does not exist");
		assertThat(badWeekly.status()).isEqualTo(400);
		assertThat(badWeekly.body()).contains("must be a day of the week").contains("id=\"count-problem\"");
		assertThat(admin.post("/admin/escalation/123456789/delete", Map.of()).status()).isEqualTo(404);
		assertThat(count()).isEqualTo(before);
	}
}
