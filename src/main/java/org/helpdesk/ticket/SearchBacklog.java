package org.helpdesk.ticket;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Text of a ticket waiting to enter the keyword-search index, written in the transaction of the change that wrote
 * it, like the mail outbox: the search module cuts it into words after the commit, so a crash in between loses no
 * word and the request never waits for the index.
 */
@Repository
class SearchBacklog {

	private final NamedParameterJdbcTemplate jdbc;

	SearchBacklog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues these texts (nulls are skipped) for the ticket's words. */
	void add(long ticketId, String... texts) {
		String content = Arrays.stream(texts).filter(Objects::nonNull).collect(Collectors.joining("\n"));
		if (content.isBlank()) {
			return;
		}
		jdbc.update("insert into ticket_word_backlog (ticket_id, content) values (:ticket, :content)",
				Map.of("ticket", ticketId, "content", content));
	}
}
