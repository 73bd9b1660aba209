package org.helpdesk.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ticket aggregate on its own: opening, hold, comments and resolving.
 */
class TicketTest {

	private static final Instant OPENED = Instant.parse("2026-11-28T10:00:00Z");

	private static final Instant LATER = OPENED.plusSeconds(3600);

	private final Ticket ticket = Ticket.open(1, "Printer", "It <b>smokes</b>", "bob@example.com", null, 3, null, OPENED);

	private static Ticket withStatus(TicketStatus status) {
		return new Ticket(7L, new TicketState(1, "Old", "desc", null, false, null, null, status, 3, false, null, null), OPENED,
				OPENED, "key", 0);
	}

	@Test
	void aNewTicketIsOpenNotHeldAndCreatedNow() {
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.state().onHold()).isFalse();
		assertThat(ticket.state().resolution()).isNull();
		assertThat(ticket.created()).isEqualTo(OPENED);
		assertThat(ticket.modified()).isEqualTo(OPENED);
		assertThat(ticket.secretKey()).isNotBlank();
	}

	@Test
	void everyTicketGetsItsOwnSecretKey() {
		Ticket other = Ticket.open(1, "Printer", null, null, null, 3, null, OPENED);

		assertThat(other.secretKey()).isNotEqualTo(ticket.secretKey());
	}

	@Test
	void theOpeningFollowUpIsPublicAndHoldsTheDescription() {
		FollowUpDraft opening = ticket.openingFollowUp(5L, null, OPENED);

		assertThat(opening.title()).isEqualTo("Ticket Opened");
		assertThat(opening.comment()).isEqualTo("It <b>smokes</b>");
		assertThat(opening.isPublic()).isTrue();
		assertThat(opening.userId()).isEqualTo(5L);
	}

	@Test
	void theOpeningFollowUpNamesTheOwner() {
		assertThat(ticket.openingFollowUp(5L, "Olga Owner", OPENED).title())
			.isEqualTo("Ticket Opened & Assigned to Olga Owner");
	}

	@Test
	void holdingRecordsTheChangeOnceAndOnlyOnce() {
		FollowUpDraft held = ticket.hold(5L, LATER).orElseThrow();

		assertThat(ticket.state().onHold()).isTrue();
		assertThat(ticket.modified()).isEqualTo(LATER);
		assertThat(held.title()).isEqualTo("Ticket placed on hold");
		assertThat(held.changes()).containsExactly(new FieldChange("On Hold", "false", "true"));
		assertThat(ticket.hold(5L, LATER.plusSeconds(1))).isEmpty();
		assertThat(ticket.modified()).isEqualTo(LATER);
	}

	@Test
	void releasingAHeldTicketIsRecordedAndReleasingAFreeOneIsNot() {
		assertThat(ticket.unhold(5L, LATER)).isEmpty();
		assertThat(ticket.modified()).isEqualTo(OPENED);
		ticket.hold(5L, LATER);

		FollowUpDraft released = ticket.unhold(5L, LATER).orElseThrow();

		assertThat(ticket.state().onHold()).isFalse();
		assertThat(released.title()).isEqualTo("Ticket taken off hold");
		assertThat(released.changes()).containsExactly(new FieldChange("On Hold", "true", "false"));
	}

	@Test
	void aCommentIsPublicOrPrivateAsAskedAndTouchesTheTicket() {
		FollowUpDraft open = ticket.comment("Parts ordered", true, 5L, LATER);
		FollowUpDraft internal = ticket.comment("Costly", false, 5L, LATER);

		assertThat(open.title()).isEqualTo("Comment Added");
		assertThat(open.isPublic()).isTrue();
		assertThat(internal.isPublic()).isFalse();
		assertThat(internal.comment()).isEqualTo("Costly");
		assertThat(ticket.modified()).isEqualTo(LATER);
		assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void resolvingSavesTheResolutionText() {
		FollowUpDraft resolved = ticket.resolve("Replaced the fuser", 5L, LATER);

		assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(ticket.state().resolution()).isEqualTo("Replaced the fuser");
		assertThat(resolved.title()).isEqualTo("Resolved");
		assertThat(resolved.comment()).isEqualTo("Replaced the fuser");
		assertThat(resolved.isPublic()).isTrue();
		assertThat(resolved.newStatus()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(resolved.changes()).containsExactly(new FieldChange("Status", "Open", "Resolved"));
	}

	@Test
	void resolvingAgainReplacesTheResolutionWithoutAStatusChange() {
		ticket.resolve("First try", 5L, LATER);

		FollowUpDraft again = ticket.resolve("Second try", 5L, LATER);

		assertThat(ticket.state().resolution()).isEqualTo("Second try");
		assertThat(again.changes()).isEmpty();
	}

	@Test
	void aReopenedTicketCanBeResolved() {
		Ticket reopened = withStatus(TicketStatus.REOPENED);

		assertThat(reopened.resolve("Fixed for real", 5L, LATER).changes())
			.containsExactly(new FieldChange("Status", "Reopened", "Resolved"));
	}

	@Test
	void aClosedOrDuplicateTicketCannotBeResolvedAndStaysAsItWas() {
		for (TicketStatus status : new TicketStatus[] { TicketStatus.CLOSED, TicketStatus.DUPLICATE }) {
			Ticket done = withStatus(status);

			assertThatThrownBy(() -> done.resolve("late", 5L, LATER)).isInstanceOf(IllegalStatusChange.class)
				.hasMessage("A " + status.code() + " ticket cannot become resolved");
			assertThat(done.status()).isEqualTo(status);
			assertThat(done.state().resolution()).isNull();
			assertThat(done.modified()).isEqualTo(OPENED);
		}
	}
}
