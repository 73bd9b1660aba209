package org.helpdesk.ticketlist;

import java.util.Map;

/**
 * What a keyword search adds to a page of the list.
 *
 * @param snippets per ticket on the page that has one, why it matched: its text as HTML, escaped, with the matching
 * words in {@code <mark>} (nothing else is markup)
 * @param suggestion "did you mean": a corrected search that finds tickets, offered when this one found none; or null
 * @param rebuilding true when this node has no search index yet and is building it, so nothing could be searched
 */
public record SearchNotes(Map<Long, String> snippets, String suggestion, boolean rebuilding) {

	public static final SearchNotes NONE = new SearchNotes(Map.of(), null, false);

	public SearchNotes {
		snippets = Map.copyOf(snippets);
	}

	/** The snippet of this ticket, or null. */
	public String snippet(long ticketId) {
		return snippets.get(ticketId);
	}
}
