package org.helpdesk.ticketlist;

import java.util.Map;

import org.helpdesk.core.AfterCommit;
import org.helpdesk.ticket.TicketChange;
import org.helpdesk.ticket.TicketEvents.TicketDeleted;
import org.helpdesk.ticket.TicketEvents.TicketMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the word index in step with ticket changes. The events arrive inside the transaction of the change, so the
 * words of a deleted ticket go with it and a merge target gains the merged ticket's words atomically.
 */
@Component
class SearchIndexEvents {

	private final NamedParameterJdbcTemplate jdbc;

	private final SearchIndexer indexer;

	SearchIndexEvents(NamedParameterJdbcTemplate jdbc, SearchIndexer indexer) {
		this.jdbc = jdbc;
		this.indexer = indexer;
	}

	/** A change may have queued text: index it soon after the commit rather than at the next interval. */
	@EventListener
	void on(TicketChange change) {
		AfterCommit.run(indexer::nudge);
	}

	/** Removes a deleted ticket's words and its text still waiting to be indexed. */
	@EventListener
	void on(TicketDeleted deleted) {
		Map<String, Long> id = Map.of("ticket", deleted.ticketId());
		jdbc.update("delete from ticket_word_backlog where ticket_id = :ticket", id);
		jdbc.update("delete from ticket_word where ticket_id = :ticket", id);
	}

	/**
	 * Gives the target every word of the merged ticket, whose follow-ups moved there, and the text of it still
	 * waiting to be indexed.
	 */
	@EventListener
	void on(TicketMerged merged) {
		Map<String, Long> ids = Map.of("from", merged.ticketId(), "to", merged.targetId());
		jdbc.update("insert into ticket_word (word, ticket_id) select w.word, cast(:to as bigint) from ticket_word w"
				+ " where w.ticket_id = :from on conflict do nothing", ids);
		jdbc.update("insert into ticket_word_backlog (ticket_id, content) select cast(:to as bigint), b.content"
				+ " from ticket_word_backlog b where b.ticket_id = :from", ids);
	}
}
