package org.helpdesk.ticketlist;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticketlist.SearchAnalysis.Language;

/**
 * A ticket as the search index holds it: what the list filters and sorts by, and its text (title, description and
 * every follow-up comment, public or private: only staff search), and the languages its text is stemmed for: its
 * queue's language, or both when the queue has none. Names that live in other tables (queue titles, owners' names)
 * are not copied here; searches resolve them when they run, so renaming a queue needs no reindex.
 */
record IndexedTicket(long id, long queueId, String title, String description, List<String> comments,
		String submitterEmail, Long ownerId, TicketStatus status, int priority, Instant created, Instant modified,
		Instant due, Set<Language> languages) {

	/** A ticket's text is indexed up to this many characters; more is rare and would only slow indexing down. */
	static final int MAX_TEXT = 1_000_000;

	IndexedTicket withComments(List<String> all) {
		return new IndexedTicket(id, queueId, title, description, List.copyOf(all), submitterEmail, ownerId, status,
				priority, created, modified, due, languages);
	}

	/** Title, description and comments, separated by blank lines, at most {@link #MAX_TEXT} characters. */
	String text() {
		StringBuilder text = new StringBuilder(title);
		append(text, description);
		comments.forEach(comment -> append(text, comment));
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
	}

	private static void append(StringBuilder text, String part) {
		if (part != null && !part.isBlank() && text.length() < MAX_TEXT) {
			text.append("\n\n").append(part);
		}
	}
}
