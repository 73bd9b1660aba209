package org.helpdesk.ticketlist;

import java.util.Optional;

/**
 * Whose tickets a list shows: {@code me}, {@code unassigned}, {@code anyone}, or one person by account id.
 */
public record OwnerFilter(Kind kind, Long personId) {

	public enum Kind {
		ANYONE, ME, UNASSIGNED, PERSON
	}

	public static final OwnerFilter ANYONE = new OwnerFilter(Kind.ANYONE, null);

	public static final OwnerFilter ME = new OwnerFilter(Kind.ME, null);

	public static final OwnerFilter UNASSIGNED = new OwnerFilter(Kind.UNASSIGNED, null);

	public static OwnerFilter person(long id) {
		return new OwnerFilter(Kind.PERSON, id);
	}

	/** The URL form: {@code me}, {@code unassigned}, {@code anyone} or the account id. */
	public String code() {
		return kind == Kind.PERSON ? String.valueOf(personId) : kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	static Optional<OwnerFilter> fromCode(String code) {
		return switch (code) {
			case "anyone" -> Optional.of(ANYONE);
			case "me" -> Optional.of(ME);
			case "unassigned" -> Optional.of(UNASSIGNED);
			default -> TicketQueryParser.positiveLong(code).map(OwnerFilter::person);
		};
	}
}
