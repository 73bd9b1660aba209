package org.helpdesk.ticket;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.core.RereadOnLostChunk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ticket page needs beyond {@link TicketDetails}: the version the reader saw (so that a later save can be
 * refused when someone else saved in between), where a duplicate was merged to, and the time spent per follow-up.
 */
@Service
@RereadOnLostChunk
@Transactional(readOnly = true)
public class TicketTimeline {

	/**
	 * @param version      increases with every saved change of the ticket
	 * @param mergedInto   the ticket this one was merged into, or null
	 * @param timeSpent    time spent per follow-up id (only follow-ups that recorded some)
	 */
	public record Facts(int version, Long mergedInto, Map<Long, Duration> timeSpent) {

		public Duration totalTimeSpent() {
			return timeSpent.values().stream().reduce(Duration.ZERO, Duration::plus);
		}
	}

	private final JdbcClient jdbc;

	TicketTimeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ticket's current version, when the reader may see it. */
	public Optional<Integer> version(long ticketId, Account reader) {
		return row(ticketId, reader).map(Row::version);
	}

	public Optional<Facts> facts(long ticketId, Account reader) {
		return row(ticketId, reader).map(row -> new Facts(row.version(), row.mergedTo(), timeSpent(ticketId)));
	}

	private record Row(long queueId, int version, Long mergedTo) {
	}

	private Optional<Row> row(long ticketId, Account reader) {
		return jdbc.sql("select queue_id, version, merged_to from ticket where id = ?")
			.param(ticketId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3, Long.class)))
			.optional()
			.filter(row -> TicketAccess.mayUse(reader, row.queueId()));
	}

	private Map<Long, Duration> timeSpent(long ticketId) {
		Map<Long, Duration> spent = new HashMap<>();
		jdbc.sql("select id, time_spent_seconds from followup where ticket_id = ? and time_spent_seconds is not null")
			.param(ticketId)
			.query(rs -> {
				spent.put(rs.getLong(1), Duration.ofSeconds(rs.getLong(2)));
			});
		return Map.copyOf(spent);
	}
}
