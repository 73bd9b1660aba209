package org.helpdesk.ticketlist;

import java.util.Map;

import org.helpdesk.ticket.TicketStatus;

/**
 * How many tickets a queue holds in each status, for the dashboard.
 */
public record QueueCounts(long queueId, String queueTitle, Map<TicketStatus, Long> byStatus) {

	public long count(TicketStatus status) {
		return byStatus.getOrDefault(status, 0L);
	}

	public long total() {
		return byStatus.values().stream().mapToLong(Long::longValue).sum();
	}
}
