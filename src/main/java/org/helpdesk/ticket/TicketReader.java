package org.helpdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.core.Actor;
import org.helpdesk.core.RereadOnLostChunk;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading tickets. {@link #visible} checks the reader's queue access and {@link #presentedBy} a customer's secret
 * link; {@link #details} checks nothing and is meant for the system's own work (notifications), never for answering
 * a request directly.
 */
@Service
@RereadOnLostChunk
@Transactional(readOnly = true)
public class TicketReader {

	private final Tickets tickets;

	private final CustomerKeys keys;

	private final QueueStatusCounts counts;

	TicketReader(Tickets tickets, CustomerKeys keys, QueueStatusCounts counts) {
		this.tickets = tickets;
		this.keys = keys;
		this.counts = counts;
	}

	public Optional<TicketDetails> visible(long ticketId, Actor reader) {
		TicketAccess.requireActor(reader);
		return tickets.details(ticketId).filter(t -> reader.mayUseQueue(t.queueId()));
	}

	/**
	 * The ticket a customer's secret link opens: reference, submitter address and secret key must all match. A
	 * wrong key answers exactly like a missing ticket.
	 */
	public Optional<TicketDetails> presentedBy(CustomerAccess access) {
		return keys.permitted(access);
	}

	public Optional<TicketDetails> details(long ticketId) {
		return tickets.details(ticketId);
	}

	public List<FollowUpView> followUps(long ticketId) {
		return tickets.followUps(ticketId);
	}

	public Optional<FollowUpView> followUp(long followUpId) {
		return tickets.followUp(followUpId);
	}

	/** Ids of the queue's tickets that may be due for escalation (see {@link TicketManagement#escalate}). */
	public List<Long> dueForEscalation(long queueId, EscalationDue due) {
		return tickets.dueForEscalation(queueId, due.waitingSince(), false);
	}

	/** Ids of the queue's tickets that may be due for a notify-only escalation notice. */
	public List<Long> dueForEscalationNotice(long queueId, EscalationDue due) {
		return tickets.dueForEscalation(queueId, due.waitingSince(), true);
	}

	/**
	 * Per queue id, how many tickets it holds in each status (statuses without tickets left out): exact and current,
	 * and as cheap at a million tickets as at ten (see {@link QueueStatusCounts}).
	 */
	public Map<Long, Map<TicketStatus, Long>> countsPerQueue() {
		return counts.perQueue();
	}

	/** An attachment of this ticket, for streaming it to someone who may see the ticket. */
	public Optional<AttachmentFile> attachment(long ticketId, long attachmentId) {
		return tickets.attachment(ticketId, attachmentId);
	}
}
