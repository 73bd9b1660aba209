package org.helpdesk.ticket;

import java.util.List;
import java.util.Optional;

import org.helpdesk.core.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading tickets. {@link #visible} checks the reader's queue access; {@link #details} does not and is meant for
 * the system's own work (notifications), never for answering a request directly.
 */
@Service
@Transactional(readOnly = true)
public class TicketReader {

	private final Tickets tickets;

	TicketReader(Tickets tickets) {
		this.tickets = tickets;
	}

	public Optional<TicketDetails> visible(long ticketId, Actor reader) {
		TicketAccess.requireActor(reader);
		return tickets.details(ticketId).filter(t -> reader.mayUseQueue(t.queueId()));
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

	/** An attachment of this ticket, for streaming it to someone who may see the ticket. */
	public Optional<AttachmentFile> attachment(long ticketId, long attachmentId) {
		return tickets.attachment(ticketId, attachmentId);
	}
}
