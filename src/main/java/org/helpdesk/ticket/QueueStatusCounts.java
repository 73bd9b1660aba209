package org.helpdesk.ticket;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many tickets each queue holds in each status, kept in {@code ticket_count} (V28) by {@link Tickets} in the
 * transaction of every insert, save and delete, so that the dashboard reads a few hundred rows whether the helpdesk
 * holds a hundred tickets or a million, and its numbers are exact and current on every node.
 * <p>
 * Each (queue, status) is spread over {@link #SLOTS} rows, a ticket counting in the row of its id modulo that: a
 * transaction holds the row it changed until it commits, and with one row per queue and status every new ticket of a
 * busy queue would wait for the one before it. A change updates at most two rows of one slot, the lower key first, so
 * two changes never wait for each other crosswise.
 */
@Repository
class QueueStatusCounts {

	static final int SLOTS = 16;

	/** Where a ticket counts. */
	record Place(long queueId, TicketStatus status) {
	}

	private final JdbcClient jdbc;

	QueueStatusCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The queue and status the ticket has in the database now (in this transaction). */
	Optional<Place> placeOf(long ticketId) {
		return jdbc.sql("select queue_id, status from ticket where id = ?").param(ticketId)
			.query((rs, n) -> new Place(rs.getLong(1), TicketStatus.fromCode(rs.getString(2)).orElseThrow()))
			.optional();
	}

	void added(long ticketId, Place place) {
		add(ticketId, place, 1);
	}

	void removed(long ticketId, Place place) {
		add(ticketId, place, -1);
	}

	void moved(long ticketId, Place from, Place to) {
		if (from.equals(to)) {
			return;
		}
		if (before(from, to)) {
			add(ticketId, from, -1);
			add(ticketId, to, 1);
		}
		else {
			add(ticketId, to, 1);
			add(ticketId, from, -1);
		}
	}

	/** Per queue id, the number of tickets in each status that has any. */
	Map<Long, Map<TicketStatus, Long>> perQueue() {
		Map<Long, Map<TicketStatus, Long>> all = new HashMap<>();
		jdbc.sql("select queue_id, status, sum(tickets) from ticket_count group by queue_id, status").query(rs -> {
			long count = rs.getLong(3);
			if (count != 0) {
				all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TicketStatus.class))
					.put(TicketStatus.fromCode(rs.getString(2)).orElse(TicketStatus.OPEN), count);
			}
		});
		return all;
	}

	private static boolean before(Place a, Place b) {
		return a.queueId() != b.queueId() ? a.queueId() < b.queueId()
				: a.status().code().compareTo(b.status().code()) < 0;
	}

	private void add(long ticketId, Place place, int delta) {
		int slot = (int) Math.floorMod(ticketId, (long) SLOTS);
		if (update(place, slot, delta) == 0) {
			// the first ticket of this queue, status and slot: the row is made once (by whoever comes first)
			jdbc.sql("insert into ticket_count (queue_id, status, slot, tickets) values (?, ?, ?, 0) on conflict do nothing")
				.params(place.queueId(), place.status().code(), slot)
				.update();
			update(place, slot, delta);
		}
	}

	private int update(Place place, int slot, int delta) {
		return jdbc.sql("update ticket_count set tickets = tickets + ? where queue_id = ? and status = ? and slot = ?")
			.params(delta, place.queueId(), place.status().code(), slot)
			.update();
	}
}
