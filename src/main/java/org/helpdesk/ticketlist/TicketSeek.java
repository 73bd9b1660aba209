package org.helpdesk.ticketlist;

import java.util.Map;

/**
 * Keyset ("seek") pagination on (sort column, id). Deep pages stay as cheap as the first: the database starts at
 * the last row already shown instead of counting its way past every earlier row as OFFSET does, and with the
 * (column, id) indexes of V5 it reads just one page of index entries. The id breaks ties, so no row is shown twice
 * or skipped. Nulls (no owner, no due date) sort highest on both H2 and PostgreSQL, so they come last going up and
 * first going down; the conditions below spell that out.
 */
final class TicketSeek {

	private TicketSeek() {
	}

	static String orderBy(TicketSort sort, boolean descending) {
		String nulls = sort.nullable() ? (descending ? " nulls first" : " nulls last") : "";
		String direction = descending ? " desc" : " asc";
		// the id orders ties; sorted by id there are none, and H2 2.4 fails to sort a column named twice on disk
		return " order by " + sort.expression() + direction + nulls + (sort == TicketSort.ID ? "" : ", t.id" + direction);
	}

	/**
	 * The condition "comes after the row whose sort value is {@code value} and whose id is {@code id}" in the given
	 * direction, with its parameters added to {@code params}. It starts with a plain bound on the sort column
	 * ({@code c <= :seekValue}) that the rest implies: neither H2 nor PostgreSQL starts an index range at an
	 * {@code or}, so without it a page deep in a list read every index entry above it.
	 */
	static String after(TicketSort sort, boolean descending, Object value, long id, Map<String, Object> params) {
		String c = sort.expression();
		String more = descending ? "<" : ">";
		params.put("seekId", id);
		if (value == null) {
			return descending ? "((" + c + " is null and t.id < :seekId) or " + c + " is not null)"
					: "(" + c + " is null and t.id > :seekId)";
		}
		params.put("seekValue", value);
		String after = "(" + c + " " + more + " :seekValue or (" + c + " = :seekValue and t.id " + more + " :seekId)";
		if (sort.nullable() && !descending) {
			// the rows without a value follow: no bound
			return after + " or " + c + " is null)";
		}
		return c + " " + more + "= :seekValue and " + after + ")";
	}
}
