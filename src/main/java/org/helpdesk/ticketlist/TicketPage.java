package org.helpdesk.ticketlist;

import java.util.List;

/**
 * One page of a ticket list. The list pages by seeking from a ticket id ({@code after} or {@code before}) rather
 * than by counting rows from the top, so page 4,000 costs what page 1 costs; see {@link TicketSearch}.
 *
 * @param total how many tickets match, counted up to a limit
 * @param moreThanTotal true when more than {@code total} tickets match (the count stopped at its limit)
 * @param number the page number shown to people (carried along in the links; it plays no part in the query)
 * @param nextAfter the id to continue after, or null on the last page
 * @param previousBefore the id to go back from, or null on the first page
 * @param search what a keyword search adds (snippets, "did you mean"); {@link SearchNotes#NONE} without one
 */
public record TicketPage(List<TicketRow> rows, long total, boolean moreThanTotal, int number, int size, Long nextAfter,
		Long previousBefore, SearchNotes search) {

	public TicketPage(List<TicketRow> rows, long total, boolean moreThanTotal, int number, int size, Long nextAfter,
			Long previousBefore) {
		this(rows, total, moreThanTotal, number, size, nextAfter, previousBefore, SearchNotes.NONE);
	}

	/** Where a page starts: at the top, after a ticket, or (going back) before one. */
	public record Position(Long after, Long before, int number) {

		public static final Position FIRST = new Position(null, null, 1);

		public Position {
			number = Math.max(1, number);
		}
	}

	/** The 1-based index of the first row on this page, for "26–50 of 1,234". */
	public long firstIndex() {
		return rows.isEmpty() ? 0 : (long) (number - 1) * size + 1;
	}

	public long lastIndex() {
		return rows.isEmpty() ? 0 : firstIndex() + rows.size() - 1;
	}
}
