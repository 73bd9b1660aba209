package org.helpdesk.ticket;

import java.util.List;
import java.util.Objects;

import org.helpdesk.core.Actor;
import org.springframework.stereotype.Component;

/**
 * The one way the facades reach a ticket to change it: locked for the transaction, and only when the actor may use
 * its queue. A ticket the actor may not see answers exactly like a missing one.
 */
@Component
class TicketAccess {

	private final Tickets tickets;

	TicketAccess(Tickets tickets) {
		this.tickets = tickets;
	}

	Ticket lockVisible(long ticketId, Actor actor) {
		requireActor(actor);
		return tickets.lock(ticketId).filter(t -> actor.mayUseQueue(t.queueId()))
			.orElseThrow(() -> new TicketNotFound(ticketId));
	}

	/**
	 * Locks two tickets, always the lower id first, so that two changes to the same pair made at the same time (A
	 * merged into B while B is merged into A) wait for each other instead of deadlocking. Returns them as asked.
	 */
	List<Ticket> lockBothVisible(long firstId, long secondId, Actor actor) {
		if (firstId <= secondId) {
			Ticket first = lockVisible(firstId, actor);
			return List.of(first, lockVisible(secondId, actor));
		}
		Ticket second = lockVisible(secondId, actor);
		return List.of(lockVisible(firstId, actor), second);
	}

	/** Every change names who makes it; a missing actor is a programming error, never "the system". */
	static Actor requireActor(Actor actor) {
		return Objects.requireNonNull(actor, "actor: pass the person, or SystemActor.INSTANCE");
	}

	static boolean mayUse(Actor actor, long queueId) {
		return requireActor(actor).mayUseQueue(queueId);
	}

	/** The account recorded as the author of a change, or none for the system. */
	static Long authorOf(Actor actor) {
		var id = requireActor(actor).accountId();
		return id.isPresent() ? id.getAsLong() : null;
	}
}
