package org.helpdesk.queue;

/**
 * Whether a queue still holds tickets, which decides whether it may be deleted. The ticket module implements it:
 * tickets are its rows, and it depends on queues, so the queue module asks through this interface.
 */
public interface QueueContents {

	boolean hasTickets(long queueId);
}
