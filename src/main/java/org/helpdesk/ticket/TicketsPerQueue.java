package org.helpdesk.ticket;

import org.helpdesk.queue.QueueContents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the queue module whether a queue still holds tickets (see {@link QueueContents}).
 */
@Component
class TicketsPerQueue implements QueueContents {

	private final JdbcClient jdbc;

	TicketsPerQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean hasTickets(long queueId) {
		return jdbc.sql("select count(*) from (select 1 from ticket where queue_id = ? limit 1) t").param(queueId)
			.query(Long.class).single() > 0;
	}
}
