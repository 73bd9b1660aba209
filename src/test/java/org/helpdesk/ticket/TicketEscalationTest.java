package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate decides on each escalation itself, with its row locked: only a due ticket changes, and only once.
 */
class TicketEscalationTest {

	private static final Instant OPENED = Instant.parse("2031-01-06T10:00:00Z");

	private static final Instant NOW = OPENED.plus(Duration.ofDays(3));

	private static final EscalationDue DUE = new EscalationDue(OPENED.plusSeconds(60), 2);

	private static Ticket ticket(TicketStatus status, int priority, boolean onHold) {
		return new Ticket(7L, new TicketState(1, "Waiting", null, null, false, null, null, status, priority, onHold,
				null, null), OPENED, OPENED, "key", 0);
	}

	@Test
	void aDueTicketBecomesOneStepMoreUrgentWithAPublicRecord() {
		Ticket ticket = ticket(TicketStatus.REOPENED, 3, false);

		FollowUpDraft record = ticket.escalate(DUE, NOW).orElseThrow();

		assertThat(ticket.state().priority()).isEqualTo(2);
		assertThat(ticket.modified()).isEqualTo(NOW);
		assertThat(ticket.escalation().lastEscalation()).contains(NOW);
		assertThat(record.isPublic()).isTrue();
		assertThat(record.title()).isEqualTo("Ticket escalated");
		assertThat(record.comment()).isEqualTo("Ticket escalated after 2 working days");
		assertThat(record.changes()).containsExactly(new FieldChange("Priority", "3", "2"));
	}

	@Test
	void aSecondRunOfTheSameCycleChangesNothing() {
		Ticket ticket = ticket(TicketStatus.OPEN, 3, false);
		ticket.escalate(DUE, NOW);

		assertThat(ticket.escalate(DUE, NOW.plusSeconds(1))).isEmpty();
		assertThat(ticket.state().priority()).isEqualTo(2);
	}

	@Test
	void heldFinishedTopPriorityAndNotYetDueTicketsAreLeftAsTheyAre() {
		Ticket[] untouched = { ticket(TicketStatus.OPEN, 3, true), ticket(TicketStatus.RESOLVED, 3, false),
				ticket(TicketStatus.CLOSED, 3, false), ticket(TicketStatus.DUPLICATE, 3, false),
				ticket(TicketStatus.OPEN, 1, false) };
		for (Ticket ticket : untouched) {
			int before = ticket.state().priority();

			assertThat(ticket.escalate(DUE, NOW)).isEmpty();
			assertThat(ticket.noticeEscalation(DUE, NOW)).isFalse();
			assertThat(ticket.state().priority()).isEqualTo(before);
			assertThat(ticket.modified()).isEqualTo(OPENED);
		}
		Ticket young = ticket(TicketStatus.OPEN, 3, false);
		assertThat(young.escalate(new EscalationDue(OPENED.minusSeconds(1), 2), NOW)).isEmpty();
	}

	@Test
	void aNoticeChangesNothingButItsOwnTimeAndComesOncePerPeriod() {
		Ticket ticket = ticket(TicketStatus.OPEN, 3, false);

		assertThat(ticket.noticeEscalation(DUE, NOW)).isTrue();
		assertThat(ticket.noticeEscalation(DUE, NOW.plusSeconds(1))).isFalse();

		assertThat(ticket.state()).isEqualTo(ticket(TicketStatus.OPEN, 3, false).state());
		assertThat(ticket.modified()).isEqualTo(OPENED);
		assertThat(ticket.escalation().lastEscalation()).isEmpty();
		assertThat(ticket.escalation().lastNotice()).contains(NOW);
		assertThat(ticket.noticeEscalation(new EscalationDue(NOW.plusSeconds(5), 2), NOW.plusSeconds(10))).isTrue();
	}
}
