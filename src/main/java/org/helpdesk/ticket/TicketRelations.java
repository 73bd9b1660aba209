package org.helpdesk.ticket;

import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.TicketEvents.TicketMerged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How tickets relate: one waiting for another, and several merged into one.
 */
@Service
@Transactional
public class TicketRelations {

	private final Tickets tickets;

	private final ApplicationEventPublisher events;

	TicketRelations(Tickets tickets, ApplicationEventPublisher events) {
		this.tickets = tickets;
		this.events = events;
	}

	/** Makes {@code ticketId} wait for {@code dependsOnId}; both must be visible to the actor. */
	public void addDependency(long ticketId, long dependsOnId, Account actor) {
		if (ticketId == dependsOnId) {
			throw new InvalidInput("depends_on", "a ticket cannot depend on itself");
		}
		visible(ticketId, actor);
		visible(dependsOnId, actor);
		if (tickets.dependsOn(dependsOnId, ticketId)) {
			throw new InvalidInput("depends_on", "that ticket already depends on this one");
		}
		if (!tickets.dependsOn(ticketId, dependsOnId)) {
			tickets.insertDependency(ticketId, dependsOnId);
		}
	}

	public void removeDependency(long ticketId, long dependsOnId, Account actor) {
		visible(ticketId, actor);
		tickets.deleteDependency(ticketId, dependsOnId);
	}

	@Transactional(readOnly = true)
	public List<Long> dependencies(long ticketId) {
		return tickets.dependencies(ticketId);
	}

	/**
	 * Merges {@code sourceId} into {@code targetId}: the source becomes a duplicate pointing at the target, its
	 * follow-ups move over (titled after where they came from), and its submitter and CCs follow the target.
	 */
	public void merge(long sourceId, long targetId, Account actor) {
		if (sourceId == targetId) {
			throw new InvalidInput("target", "a ticket cannot be merged into itself");
		}
		Ticket source = visible(sourceId, actor);
		Ticket target = visible(targetId, actor);
		if (source.status() == TicketStatus.DUPLICATE) {
			throw new InvalidInput("ticket", "this ticket was already merged");
		}
		tickets.moveFollowUps(sourceId, targetId, "[Merged from #" + sourceId + "] ");
		for (String cc : concat(source.submitterEmail(), tickets.ccEmails(sourceId))) {
			if (!cc.equalsIgnoreCase(String.valueOf(target.submitterEmail())) && !tickets.hasCc(targetId, cc)) {
				tickets.insertCc(targetId, cc);
			}
		}
		tickets.markMerged(sourceId, targetId);
		events.publishEvent(new TicketMerged(sourceId, targetId, source.submitterEmail(),
				actor == null ? null : actor.id()));
	}

	private Ticket visible(long ticketId, Account actor) {
		return tickets.lock(ticketId).filter(t -> TicketManagement.mayUse(actor, t.queueId()))
			.orElseThrow(() -> new TicketNotFound(ticketId));
	}

	private static List<String> concat(String first, List<String> rest) {
		var all = new java.util.ArrayList<String>();
		if (first != null && !first.isBlank()) {
			all.add(first);
		}
		all.addAll(rest);
		return all;
	}
}
