package org.helpdesk.ticket;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketUpdateRulesTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

	private final Ticket ticket = Ticket.open(1, "Printer", "It smokes", "bob@example.com", null, 3, null, NOW);

	private Optional<FollowUpDraft> apply(TicketUpdate update) {
		return ticket.update(update, id -> "Agent " + id, id -> "Queue " + id, 7L, NOW);
	}

	@Test
	void anUpdateThatChangesNothingRecordsNothing() {
		assertThat(apply(TicketUpdate.reply(" ", true).changePriority(3))).isEmpty();
	}

	@Test
	void aPlainCommentIsTitledComment() {
		FollowUpDraft draft = apply(TicketUpdate.reply("Looking into it", true)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Comment");
		assertThat(draft.changes()).isEmpty();
	}

	@Test
	void assigningAndResolvingTogetherNameBothAndRecordBothFields() {
		FollowUpDraft draft = apply(TicketUpdate.reply("Replaced the fuser", true).assignTo(5)
			.changeStatus(TicketStatus.RESOLVED)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Assigned to Agent 5 and Resolved");
		assertThat(draft.newStatus()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(draft.changes()).extracting(FieldChange::field).containsExactly("Owner", "Status");
		assertThat(ticket.state().resolution()).isEqualTo("Replaced the fuser");
		assertThat(ticket.ownerId()).isEqualTo(5L);
	}

	@Test
	void closingAClosedTicketAsResolvedIsRefused() {
		apply(TicketUpdate.reply("Done", true).changeStatus(TicketStatus.CLOSED));

		assertThatThrownBy(() -> apply(TicketUpdate.status(TicketStatus.RESOLVED)))
			.isInstanceOf(IllegalStatusChange.class);
		assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
	}

	@Test
	void anIllegalTransitionChangesNoOtherFieldEither() {
		apply(TicketUpdate.status(TicketStatus.CLOSED));

		assertThatThrownBy(() -> apply(TicketUpdate.assign(5).changePriority(1).changeStatus(TicketStatus.RESOLVED)))
			.isInstanceOf(IllegalStatusChange.class);
		assertThat(ticket.ownerId()).isNull();
		assertThat(ticket.state().priority()).isEqualTo(3);
	}

	@Test
	void priorityChangesAreRecordedWithOldAndNewValue() {
		FollowUpDraft draft = apply(TicketUpdate.reply(null, true).changePriority(1)).orElseThrow();

		assertThat(draft.title()).isEqualTo("Updated");
		assertThat(draft.changes()).containsExactly(new FieldChange("Priority", "3", "1"));
	}
}
