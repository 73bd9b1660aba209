package org.helpdesk.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.ticket.TicketStatus.CLOSED;
import static org.helpdesk.ticket.TicketStatus.DUPLICATE;
import static org.helpdesk.ticket.TicketStatus.OPEN;
import static org.helpdesk.ticket.TicketStatus.REOPENED;
import static org.helpdesk.ticket.TicketStatus.RESOLVED;

class TicketStatusTest {

	@ParameterizedTest(name = "{0} may become {1}: {2}")
	@CsvSource({
		"OPEN, RESOLVED, true", "OPEN, CLOSED, true", "OPEN, DUPLICATE, true", "OPEN, REOPENED, false",
		"REOPENED, RESOLVED, true", "REOPENED, CLOSED, true", "REOPENED, OPEN, false",
		"RESOLVED, REOPENED, true", "RESOLVED, CLOSED, true", "RESOLVED, OPEN, false", "RESOLVED, DUPLICATE, false",
		"CLOSED, REOPENED, true", "CLOSED, RESOLVED, false", "CLOSED, OPEN, false", "CLOSED, DUPLICATE, false",
		"DUPLICATE, REOPENED, true", "DUPLICATE, RESOLVED, false", "DUPLICATE, CLOSED, false", "DUPLICATE, OPEN, false" })
	void onlyTheWorkflowsTransitionsAreAllowed(TicketStatus from, TicketStatus to, boolean allowed) {
		assertThat(from.mayBecome(to)).isEqualTo(allowed);
	}

	@Test
	void aTicketNeverReturnsToOpenOnceItLeftIt() {
		for (TicketStatus status : TicketStatus.values()) {
			if (status != OPEN) {
				assertThat(status.mayBecome(OPEN)).as(status.name()).isFalse();
			}
		}
	}

	@Test
	void settingTheSameStatusAgainIsAllowed() {
		for (TicketStatus status : TicketStatus.values()) {
			assertThat(status.mayBecome(status)).as(status.name()).isTrue();
		}
	}

	@Test
	void onlyOpenAndReopenedTicketsStillNeedWork() {
		assertThat(OPEN.isActive()).isTrue();
		assertThat(REOPENED.isActive()).isTrue();
		assertThat(RESOLVED.isActive()).isFalse();
		assertThat(CLOSED.isActive()).isFalse();
		assertThat(DUPLICATE.isActive()).isFalse();
	}

	@Test
	void codesAreLowerCaseAndReadBackExactly() {
		for (TicketStatus status : TicketStatus.values()) {
			assertThat(status.code()).isEqualTo(status.name().toLowerCase());
			assertThat(TicketStatus.fromCode(status.code())).contains(status);
		}
		assertThat(TicketStatus.fromCode("RESOLVED")).isEmpty();
		assertThat(TicketStatus.fromCode("")).isEmpty();
		assertThat(TicketStatus.fromCode(null)).isEmpty();
		assertThat(TicketStatus.fromCode("fixed")).isEmpty();
	}

	@Test
	void labelsAreWhatPeopleRead() {
		assertThat(OPEN.label()).isEqualTo("Open");
		assertThat(REOPENED.label()).isEqualTo("Reopened");
		assertThat(RESOLVED.label()).isEqualTo("Resolved");
		assertThat(CLOSED.label()).isEqualTo("Closed");
		assertThat(DUPLICATE.label()).isEqualTo("Duplicate");
	}
}
