package org.helpdesk.ticketlist;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpdesk.account.Account;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.stereotype.Service;

/**
 * How many tickets each queue holds per status, as the ticket module keeps them with every change: the dashboard's
 * numbers are exact, current on every node, and read from a few hundred rows however many tickets there are. The
 * list's choice of plan only needs to know roughly how the tickets are spread, and uses numbers up to
 * {@link #ESTIMATE_TTL} old.
 */
@Service
public class TicketCounts {

	static final Duration ESTIMATE_TTL = Duration.ofSeconds(10);

	private final TicketReader tickets;

	private final QueueManagement queues;

	private final Cache<Boolean, Map<Long, Map<TicketStatus, Long>>> estimated = Caffeine.newBuilder()
		.expireAfterWrite(ESTIMATE_TTL)
		.build();

	TicketCounts(TicketReader tickets, QueueManagement queues) {
		this.tickets = tickets;
		this.queues = queues;
	}

	/** Per queue the reader may use (by title), the number of tickets in each status. */
	public List<QueueCounts> perQueue(Account reader) {
		return visible(tickets.countsPerQueue(), reader);
	}

	private List<QueueCounts> visible(Map<Long, Map<TicketStatus, Long>> all, Account reader) {
		return queues.list().stream()
			.filter(q -> reader != null && reader.isStaff() && reader.canAccessQueue(q.id()))
			.map(q -> new QueueCounts(q.id(), q.title(), all.getOrDefault(q.id(), Map.of())))
			.toList();
	}

	/**
	 * Roughly how many of the tickets in the reader's queues are in one of these statuses and, unless
	 * {@code queueIds} is empty, in one of these queues; and how many tickets the reader's queues hold in all.
	 */
	Share share(Set<Long> queueIds, Set<TicketStatus> statuses, Account reader) {
		long matching = 0;
		long total = 0;
		for (QueueCounts queue : visible(estimated.get(Boolean.TRUE, key -> tickets.countsPerQueue()), reader)) {
			boolean chosen = queueIds.isEmpty() || queueIds.contains(queue.queueId());
			for (TicketStatus status : TicketStatus.values()) {
				long n = queue.count(status);
				total += n;
				matching += chosen && statuses.contains(status) ? n : 0;
			}
		}
		return new Share(matching, total);
	}

	/** {@code matching} of {@code total} tickets. */
	record Share(long matching, long total) {

		/** The share from 0 to 1; 1 when there are no tickets. */
		double fraction() {
			return total == 0 ? 1 : (double) matching / total;
		}
	}
}
