package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpdesk.account.Account;
import org.helpdesk.core.AfterCommit;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.TicketChange;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many tickets each queue holds per status. Counting means reading an index entry for every ticket, so the
 * dashboard's numbers are kept for at most {@link #TTL} and counted again after any ticket change that commits on
 * this node (another node's change shows here within that time). The list's choice of plan only needs to know
 * roughly how the statuses are spread, and uses numbers up to {@link #ESTIMATE_TTL} old that no change discards.
 */
@Service
public class TicketCounts {

	static final Duration TTL = Duration.ofSeconds(10);

	static final Duration ESTIMATE_TTL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final QueueManagement queues;

	private final Cache<Boolean, Map<Long, Map<TicketStatus, Long>>> counted = Caffeine.newBuilder()
		.expireAfterWrite(TTL)
		.build();

	private final Cache<Boolean, Map<Long, Map<TicketStatus, Long>>> estimated = Caffeine.newBuilder()
		.expireAfterWrite(ESTIMATE_TTL)
		.build();

	TicketCounts(JdbcClient jdbc, QueueManagement queues) {
		this.jdbc = jdbc;
		this.queues = queues;
	}

	/** Per queue the reader may use (by title), the number of tickets in each status. */
	public List<QueueCounts> perQueue(Account reader) {
		return visible(counted.get(Boolean.TRUE, key -> countAll()), reader);
	}

	private List<QueueCounts> visible(Map<Long, Map<TicketStatus, Long>> all, Account reader) {
		return queues.list().stream()
			.filter(q -> reader != null && reader.isStaff() && reader.canAccessQueue(q.id()))
			.map(q -> new QueueCounts(q.id(), q.title(), all.getOrDefault(q.id(), Map.of())))
			.toList();
	}

	/**
	 * The share (0 to 1) of the tickets in the reader's queues that are in one of these statuses; 1 when there are
	 * no tickets.
	 */
	double share(Set<TicketStatus> statuses, Account reader) {
		long matching = 0;
		long total = 0;
		Map<Long, Map<TicketStatus, Long>> all = estimated.get(Boolean.TRUE, key -> {
			Map<Long, Map<TicketStatus, Long>> current = counted.getIfPresent(Boolean.TRUE);
			return current != null ? current : countAll();
		});
		for (QueueCounts queue : visible(all, reader)) {
			for (TicketStatus status : TicketStatus.values()) {
				long n = queue.count(status);
				total += n;
				matching += statuses.contains(status) ? n : 0;
			}
		}
		return total == 0 ? 1 : (double) matching / total;
	}

	private Map<Long, Map<TicketStatus, Long>> countAll() {
		Map<Long, Map<TicketStatus, Long>> all = new HashMap<>();
		jdbc.sql("select t.queue_id, t.status, count(*) from ticket t group by t.queue_id, t.status").query(rs -> {
			all.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TicketStatus.class))
				.put(TicketStatus.fromCode(rs.getString(2)).orElse(TicketStatus.OPEN), rs.getLong(3));
		});
		return all;
	}

	/**
	 * Forgets the numbers once the change has committed (forgetting them earlier could let a count of the old state
	 * be kept).
	 */
	@EventListener
	void on(TicketChange change) {
		AfterCommit.run(counted::invalidateAll);
	}
}
