package org.helpdesk.web.list;

import java.util.List;

/**
 * What a bulk action did: how many tickets it changed, and which it left alone and why.
 */
public record BulkResult(int succeeded, List<Skipped> skipped) implements java.io.Serializable {

	/** Why a ticket was left alone. */
	public enum Reason {
		/** missing, or in a queue the actor may not use (the two look alike on purpose) */
		NO_ACCESS,
		/** its status may not change to the one asked for */
		ILLEGAL_TRANSITION,
		/** it waits for tickets that are still open */
		OPEN_DEPENDENCIES,
		/** the change breaks a rule, e.g. the new owner may not use the ticket's queue */
		INVALID,
		/** someone changed it at the same moment */
		CONFLICT,
		/** someone else owns it, and taking it would have taken it from them */
		OWNED,
		/** it already was as asked */
		UNCHANGED;

		public String code() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}
	}

	public record Skipped(long ticketId, Reason reason) implements java.io.Serializable {
	}

	public int total() {
		return succeeded + skipped.size();
	}
}
