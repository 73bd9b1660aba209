package org.helpdesk.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketUpdateRulesTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final Ticket ticket = Ticket.open(1, "Printer", "It smokes", "bob@example.com", null, 3, null, NOW);

	private Ticket.Changes changes(String comment, TicketStatus status, boolean ownerChanged, Long owner, Integer priority) {
		return new Ticket.Changes(comment, true, status, ownerChanged, owner, priority, null, false, null, false, null);
	}

	private java.util.Optional<FollowUpDraft> apply(Ticket.Changes c) {
		return ticket.update(c, id -> "Agent " + id, id -> "Queue " + id, 7L, NOW);
	}

	@Test
	void anUpdateThatChangesNothingRecordsNothing() {
		assertThat(apply(changes(" ", null, false, null, 3))).isEmpty();
	}

	@Test
	void aPlainCommentIsTitledComment() {
		FollowUpDraft draft = apply(changes("Looking into it", null, false, null, null)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Comment");
		assertThat(draft.changes()).isEmpty();
	}

	@Test
	void assigningAndResolvingTogetherNameBothAndRecordBothFields() {
		FollowUpDraft draft = apply(changes("Replaced the fuser", TicketStatus.RESOLVED, true, 5L, null)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Assigned to Agent 5 and Resolved");
		assertThat(draft.newStatus()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(draft.changes()).extracting(FieldChange::field).containsExactly("Owner", "Status");
		assertThat(ticket.resolution()).isEqualTo("Replaced the fuser");
		assertThat(ticket.ownerId()).isEqualTo(5L);
	}

	@Test
	void closingAClosedTicketAsResolvedIsRefused() {
		apply(changes("Done", TicketStatus.CLOSED, false, null, null));

		assertThatThrownBy(() -> apply(changes(null, TicketStatus.RESOLVED, false, null, null)))
			.isInstanceOf(IllegalStatusChange.class);
		assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
	}

	@Test
	void priorityChangesAreRecordedWithOldAndNewValue() {
		FollowUpDraft draft = apply(changes(null, null, false, null, 1)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Updated");
		assertThat(draft.changes()).containsExactly(new FieldChange("Priority", "3", "1"));
	}
}
