package org.helpdesk.escalation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.helpdesk.support.MovableClock;
import org.helpdesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation over the running application: tickets opened and changed over HTTP, days passing on a movable clock,
 * cycles run as the schedule runs them, the result read over HTTP and in the mail. The schedule itself is off so
 * that only the test decides when a cycle runs.
 */
@Import(MovableClock.Configuration.class)
@TestPropertySource(properties = "helpdesk.escalation.enabled=false")
abstract class EscalationTests extends FullStackTest {

	static final Duration DAY = Duration.ofDays(1);

	static final Duration MINUTE = Duration.ofMinutes(1);

	@Autowired
	MovableClock clock;

	@Autowired
	Escalation escalation;

	@Autowired
	JdbcClient jdbc;

	String submitter;

	@BeforeEach
	void addresses() {
		submitter = unique("customer") + "@example.test";
	}

	long queue(int escalateDays) {
		return client.createQueue(Map.of("title", "Escalating", "slug", unique("esc"), "escalate_days", escalateDays));
	}

	long ticket(long queue, int priority) {
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Waiting", "submitter_email", submitter, "priority",
				String.valueOf(priority)));
		assertThat(created.status()).isEqualTo(200);
		return Long.parseLong(created.body().trim());
	}

	int priority(long ticket) {
		return client.ticket(ticket).get("priority").asInt();
	}

	List<JsonNode> escalations(long ticket) {
		return client.ticket(ticket).get("followups").valueStream()
			.filter(f -> f.get("title").asString().equals("Ticket escalated")).toList();
	}

	/** Today in the helpdesk's time zone (UTC by default), plus some days. */
	String day(int fromToday) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(fromToday).toString();
	}

	long exclude(String date, List<Long> queues) {
		Response added = client.admin("POST", "/api/v1/escalation-exclusions",
				Map.of("name", "Holiday", "date", date, "queues", queues));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json().get("id").asLong();
	}

	long outboxCount(String recipient, String template) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ? and template = ?")
			.params(recipient, template).query(Long.class).single();
	}

	@Test
	void aTicketIsEscalatedOnceItHasWaitedTheQueuesDays() {
		long queue = queue(2);
		long ticket = ticket(queue, 3);

		clock.advance(DAY.multipliedBy(2).minus(MINUTE));
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(3);

		clock.advance(MINUTE.multipliedBy(2));
		escalation.run();
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(2);
		List<JsonNode> history = escalations(ticket);
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("public").asBoolean()).isTrue();
		assertThat(history.get(0).get("comment").asString()).contains("2 working days");
		JsonNode change = history.get(0).get("changes").get(0);
		assertThat(change.get("field").asString()).isEqualTo("Priority");
		assertThat(change.get("old_value").asString()).isEqualTo("3");
		assertThat(change.get("new_value").asString()).isEqualTo("2");

		// the next escalation waits another full period, counted from this one
		clock.advance(DAY);
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(2);
		clock.advance(DAY.plus(MINUTE));
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(1);
	}

	@Test
	void anExclusionDateMakesTheWaitOneDayLonger() {
		long queue = queue(2);
		long ticket = ticket(queue, 3);
		long holiday = exclude(day(1), List.of(queue));

		clock.advance(DAY.multipliedBy(2).plus(MINUTE));
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(3);

		clock.advance(DAY);
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(2);
		client.admin("DELETE", "/api/v1/escalation-exclusions/" + holiday, null);
	}

	@Test
	void anExclusionForEveryQueueDelaysEveryQueue() {
		long queue = queue(1);
		long ticket = ticket(queue, 3);
		long holiday = exclude(day(1), List.of());

		clock.advance(DAY.multipliedBy(2).minus(MINUTE.multipliedBy(2)));
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(3);
		clock.advance(MINUTE.multipliedBy(3));
		escalation.run();
		assertThat(priority(ticket)).isEqualTo(2);
		client.admin("DELETE", "/api/v1/escalation-exclusions/" + holiday, null);
	}

	@Test
	void anotherQueuesExclusionDoesNotDelayThisQueue() {
		long mine = queue(2);
		long other = queue(2);
		long myTicket = ticket(mine, 3);
		long otherTicket = ticket(other, 3);
		exclude(day(1), List.of(other));

		clock.advance(DAY.multipliedBy(2).plus(MINUTE));
		escalation.run();

		assertThat(priority(myTicket)).isEqualTo(2);
		assertThat(priority(otherTicket)).isEqualTo(3);
	}

	@Test
	void heldResolvedAndTopPriorityTicketsAreLeftAlone() {
		long queue = queue(1);
		long held = ticket(queue, 3);
		long resolved = ticket(queue, 3);
		long critical = ticket(queue, 1);
		long high = ticket(queue, 2);
		Map<String, String> credentials = Map.of("user", ADMIN, "password", ADMIN_PASSWORD);
		assertThat(client.legacy("hold_ticket", with(credentials, "ticket", held)).status()).isEqualTo(200);
		assertThat(client.legacy("resolve", with(with(credentials, "ticket", resolved), "resolution", "Done")).status())
			.isEqualTo(200);

		clock.advance(DAY.plus(MINUTE));
		escalation.run();

		assertThat(priority(held)).isEqualTo(3);
		assertThat(priority(resolved)).isEqualTo(3);
		assertThat(priority(critical)).isEqualTo(1);
		assertThat(escalations(critical)).isEmpty();
		assertThat(priority(high)).isEqualTo(1);

		clock.advance(DAY.plus(MINUTE));
		escalation.run();
		assertThat(priority(high)).isEqualTo(1);
		assertThat(escalations(high)).hasSize(1);

		// taken off hold, it has waited long enough already
		assertThat(client.legacy("unhold_ticket", with(credentials, "ticket", held)).status()).isEqualTo(200);
		escalation.run();
		assertThat(priority(held)).isEqualTo(2);
	}

	@Test
	void theSubmitterCcsAndOwnerHearOfTheEscalation() {
		String team = unique("team") + "@example.test";
		String cc = unique("cc") + "@example.test";
		String owner = unique("owner") + "@example.test";
		long queue = client.createQueue(Map.of("title", "Escalating", "slug", unique("esc"), "escalate_days", 1,
				"updated_ticket_cc", team));
		long ownerId = client.createUser(unique("agent"), "agent-password-1", "agent", owner, List.of(queue));
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Nobody answers", "submitter_email", submitter, "assigned_to",
				String.valueOf(ownerId)));
		long ticket = Long.parseLong(created.body().trim());
		assertThat(client.admin("POST", "/api/v1/tickets/" + ticket + "/ccs", Map.of("email", cc)).status())
			.isBetween(200, 204);

		clock.advance(DAY.plus(MINUTE));
		escalation.run();

		assertThat(TestMail.subjects(TestMail.awaitCount(submitter, 2))).anyMatch(s -> s.endsWith("(Escalated)"));
		assertThat(TestMail.subjects(TestMail.awaitCount(cc, 1))).anyMatch(s -> s.endsWith("(Escalated)"));
		assertThat(TestMail.subjects(TestMail.awaitTo(team, mails -> TestMail.subjects(mails).stream()
			.anyMatch(s -> s.endsWith("(Escalated)"))))).isNotEmpty();
		assertThat(TestMail.subjects(TestMail.awaitTo(owner, mails -> TestMail.subjects(mails).stream()
			.anyMatch(s -> s.endsWith("(Escalated)"))))).isNotEmpty();
		assertThat(outboxCount(submitter, "escalated_submitter")).isEqualTo(1);
		assertThat(outboxCount(cc, "escalated_submitter")).isEqualTo(1);
		assertThat(outboxCount(team, "escalated_cc")).isEqualTo(1);
		assertThat(outboxCount(owner, "escalated_owner")).isEqualTo(1);
	}

	@Test
	void notifyOnlyTellsPeopleOncePerPeriodAndChangesNothing() {
		long queue = queue(1);
		long ticket = ticket(queue, 3);
		JsonNode before = client.ticket(ticket);

		clock.advance(DAY.plus(MINUTE));
		escalation.run(EscalationMode.NOTIFY_ONLY);
		escalation.run(EscalationMode.NOTIFY_ONLY);

		assertThat(client.ticket(ticket)).isEqualTo(before);
		assertThat(outboxCount(submitter, "escalated_submitter")).isEqualTo(1);
		assertThat(TestMail.subjects(TestMail.awaitCount(submitter, 2))).anyMatch(s -> s.endsWith("(Escalated)"));

		clock.advance(DAY.plus(MINUTE));
		escalation.run(EscalationMode.NOTIFY_ONLY);
		assertThat(outboxCount(submitter, "escalated_submitter")).isEqualTo(2);
		assertThat(client.ticket(ticket)).isEqualTo(before);
	}

	private static Map<String, String> with(Map<String, String> fields, String name, Object value) {
		Map<String, String> copy = new HashMap<>(fields);
		copy.put(name, String.valueOf(value));
		return copy;
	}
}
