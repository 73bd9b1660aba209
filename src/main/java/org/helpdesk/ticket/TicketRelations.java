package org.helpdesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.core.Actor;
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

	private final TicketAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TicketRelations(Tickets tickets, TicketAccess access, ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** Makes {@code ticketId} wait for {@code dependsOnId}; both must be visible to the actor. */
	public void addDependency(long ticketId, long dependsOnId, Actor actor) {
		if (ticketId == dependsOnId) {
			throw new InvalidInput("depends_on", "a ticket cannot depend on itself");
		}
		access.lockBothVisible(ticketId, dependsOnId, actor);
		if (tickets.dependsOn(dependsOnId, ticketId)) {
			throw new InvalidInput("depends_on", "that ticket already depends on this one");
		}
		if (!tickets.dependsOn(ticketId, dependsOnId)) {
			tickets.insertDependency(ticketId, dependsOnId, TicketAccess.authorOf(actor));
		}
	}

	public void removeDependency(long ticketId, long dependsOnId, Actor actor) {
		access.lockVisible(ticketId, actor);
		tickets.deleteDependency(ticketId, dependsOnId, TicketAccess.authorOf(actor));
	}

	@Transactional(readOnly = true)
	public List<Long> dependencies(long ticketId) {
		return tickets.dependencies(ticketId);
	}

	/**
	 * Merges {@code sourceId} into {@code targetId}: the source, which must still be open, becomes a duplicate
	 * pointing at the target, its follow-ups move over (titled after where they came from), its submitter and CCs
	 * follow the target, and both tickets record the merge. The two are locked in id order, so opposite merges of
	 * the same pair at the same time take turns (the second is refused) instead of deadlocking.
	 */
	public void merge(long sourceId, long targetId, Actor actor) {
		if (sourceId == targetId) {
			throw new InvalidInput("target", "a ticket cannot be merged into itself");
		}
		List<Ticket> pair = access.lockBothVisible(sourceId, targetId, actor);
		Ticket source = pair.get(0);
		Ticket target = pair.get(1);
		Long author = TicketAccess.authorOf(actor);
		Instant now = clock.instant();
		FollowUpDraft duplicate = source.markDuplicateOf(targetId, author, now);
		FollowUpDraft absorbed = target.absorb(sourceId, author, now);
		tickets.moveFollowUps(sourceId, targetId, "[Merged from #" + sourceId + "] ", author);
		tickets.save(source, duplicate);
		tickets.save(target, absorbed);
		copyPeople(source, target, author);
		events.publishEvent(new TicketMerged(sourceId, targetId, source.submitterEmail(), author));
	}

	private void copyPeople(Ticket source, Ticket target, Long author) {
		List<String> people = new ArrayList<>();
		if (source.submitterEmail() != null && !source.submitterEmail().isBlank()) {
			people.add(source.submitterEmail());
		}
		people.addAll(tickets.ccEmails(source.id()));
		for (String cc : people) {
			if (!cc.equalsIgnoreCase(String.valueOf(target.submitterEmail())) && !tickets.hasCc(target.id(), cc)) {
				tickets.insertCc(target.id(), cc, author);
			}
		}
	}
}
