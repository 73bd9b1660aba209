package org.helpdesk.ticketlist;

import java.util.Map;

/**
 * What a keyword search adds to a page of the list.
 *
 * @param snippets per ticket on the page that has one, why it matched: its text as HTML, escaped, with the matching
 * words in {@code <mark>} (nothing else is markup)
 * @param suggestion "did you mean": a corrected search that finds tickets, offered when this one found none; or null
 * @param rebuilding true when this node has no search index yet and is building it, so nothing could be searched
 * @param noWords true when the search holds nothing to look for (only punctuation, say)
 */
public record SearchNotes(Map<Long, String> snippets, String suggestion, boolean rebuilding, boolean noWords) {

	public static final SearchNotes NONE = new SearchNotes(Map.of(), null, false, false);

	static final SearchNotes REBUILDING = new SearchNotes(Map.of(), null, true, false);

	static final SearchNotes NO_WORDS = new SearchNotes(Map.of(), null, false, true);

	public SearchNotes {
		snippets = Map.copyOf(snippets);
	}

	/** The snippet of this ticket, or null. */
	public String snippet(long ticketId) {
		return snippets.get(ticketId);
	}
}
