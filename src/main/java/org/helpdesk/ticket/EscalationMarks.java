package org.helpdesk.ticket;

import java.time.Instant;
import java.util.Optional;

/**
 * When a ticket was last escalated (its priority raised) and when a notify-only run last told people it waits: the
 * two are kept apart so that notify-only changes nothing about the ticket itself.
 */
record EscalationMarks(Optional<Instant> lastEscalation, Optional<Instant> lastNotice) {

	static final EscalationMarks NEVER = new EscalationMarks(Optional.empty(), Optional.empty());

	static EscalationMarks of(Instant lastEscalation, Instant lastNotice) {
		return new EscalationMarks(Optional.ofNullable(lastEscalation), Optional.ofNullable(lastNotice));
	}

	EscalationMarks escalatedAt(Instant when) {
		return new EscalationMarks(Optional.of(when), lastNotice);
	}

	EscalationMarks noticedAt(Instant when) {
		return new EscalationMarks(lastEscalation, Optional.of(when));
	}

	boolean noticedAfter(Instant instant) {
		return lastNotice.filter(notice -> notice.isAfter(instant)).isPresent();
	}
}
