package org.helpdesk.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Ticket states and which state may follow which.
 */
public enum TicketStatus {

	OPEN("Open"), REOPENED("Reopened"), RESOLVED("Resolved"), CLOSED("Closed"), DUPLICATE("Duplicate");

	private final String label;

	TicketStatus(String label) {
		this.label = label;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return label;
	}

	/** Open and reopened tickets still need work; they are escalated and block tickets that depend on them. */
	public boolean isActive() {
		return this == OPEN || this == REOPENED;
	}

	public Set<TicketStatus> allowedNext() {
		return switch (this) {
			case OPEN -> EnumSet.of(OPEN, RESOLVED, CLOSED, DUPLICATE);
			case REOPENED -> EnumSet.of(REOPENED, RESOLVED, CLOSED, DUPLICATE);
			case RESOLVED -> EnumSet.of(REOPENED, RESOLVED, CLOSED);
			case CLOSED -> EnumSet.of(REOPENED, CLOSED);
			case DUPLICATE -> EnumSet.of(REOPENED, DUPLICATE);
		};
	}

	public boolean mayBecome(TicketStatus next) {
		return allowedNext().contains(next);
	}

	public static Optional<TicketStatus> fromCode(String code) {
		for (TicketStatus status : values()) {
			if (status.code().equals(code)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}
}
