package org.helpdesk.web.list;

import org.helpdesk.ticketlist.TicketPage;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.ticketlist.TicketSort;

/**
 * The links of a ticket-list page (sorting, paging, page size), all built from the parsed query, so a link never
 * carries back a parameter the list did not understand. Public, because the page template calls it.
 */
public record ListLinks(TicketQuery query, TicketPage page) {

	static String list(TicketQuery query) {
		return "/tickets?" + query.toQueryString();
	}

	/** Sorting by a column: ascending first, the other way round when it is already sorted by it. */
	public String sort(String column) {
		TicketSort sort = TicketSort.fromCode(column).orElseThrow();
		boolean descending = sort == query.sort() && !query.descending();
		return list(query.withSort(sort, descending));
	}

	/** The value of {@code aria-sort} for a column header. */
	public String ariaSort(String column) {
		if (!query.sort().code().equals(column)) {
			return "none";
		}
		return query.descending() ? "descending" : "ascending";
	}

	/** The same list searching for this instead ("did you mean"). */
	public String search(String keyword) {
		return list(query.withKeyword(keyword));
	}

	public String size(int size) {
		return list(query.withPageSize(size));
	}

	public String current() {
		return list(query);
	}

	public String next() {
		return page.nextAfter() == null ? null
				: current() + "&after=" + page.nextAfter() + "&page=" + (page.number() + 1);
	}

	public String previous() {
		return page.previousBefore() == null ? null
				: current() + "&before=" + page.previousBefore() + "&page=" + (page.number() - 1);
	}
}
