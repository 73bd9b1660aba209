package org.helpdesk.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.MovableClock;
import org.helpdesk.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody needs to start escalation: each node runs its cycles on its own schedule (through the cluster lock).
 */
@Import(MovableClock.Configuration.class)
@TestPropertySource(properties = "helpdesk.escalation.interval=300ms")
class EscalationScheduleOnH2Test extends FullStackTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}

	@Autowired
	MovableClock clock;

	@Test
	void aDueTicketIsEscalatedByTheScheduleAlone() {
		long queue = client.createQueue(Map.of("title", "Scheduled", "slug", unique("sched"), "escalate_days", 1));
		long ticket = Long.parseLong(client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD,
				"queue", String.valueOf(queue), "title", "Waiting")).body().trim());

		clock.advance(Duration.ofDays(1).plusMinutes(1));

		Instant deadline = Instant.now().plusSeconds(20);
		while (client.ticket(ticket).get("priority").asInt() != 2 && Instant.now().isBefore(deadline)) {
			Thread.onSpinWait();
		}
		assertThat(client.ticket(ticket).get("priority").asInt()).isEqualTo(2);
	}
}
