package org.helpdesk.web.list;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import org.helpdesk.core.Actor;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.IllegalStatusChange;
import org.helpdesk.ticket.OpenDependencies;
import org.helpdesk.ticket.TicketChangedConcurrently;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketNotFound;
import org.helpdesk.ticket.TicketOwnedByAnother;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.springframework.stereotype.Service;

/**
 * Actions on many tickets at once from the ticket list. Each ticket goes through the same facade method a single
 * change would, in its own transaction, so the rules (queue access, status transitions, open dependencies) hold
 * per ticket: one refused ticket is reported and skipped, and the others still change. Deliberately not
 * transactional itself, so that one refusal does not roll the others back.
 */
@Service
public class BulkActions {

	/** A page holds at most 100 tickets; a bigger selection did not come from the list. */
	public static final int MAX_TICKETS = 100;

	private final TicketUpdates updates;

	private final TicketManagement management;

	private final TicketRelations relations;

	BulkActions(TicketUpdates updates, TicketManagement management, TicketRelations relations) {
		this.updates = updates;
		this.management = management;
		this.relations = relations;
	}

	/** Assigns the tickets to the actor; one that someone else owns is skipped, not taken from them. */
	public BulkResult take(List<Long> ticketIds, Actor actor) {
		return each(ticketIds, id -> updates.takeUnowned(id, actor));
	}

	public BulkResult assign(List<Long> ticketIds, long ownerId, Actor actor) {
		return each(ticketIds, id -> updates.update(id, TicketUpdate.assign(ownerId), actor));
	}

	/** Closes the tickets; {@code tellSubmitter} makes the closing follow-up public, which is what mails the submitter. */
	public BulkResult close(List<Long> ticketIds, boolean tellSubmitter, Actor actor) {
		TicketUpdate closing = TicketUpdate.status(TicketStatus.CLOSED);
		return each(ticketIds, id -> updates.update(id, tellSubmitter ? closing.publicly() : closing, actor));
	}

	/** Merges every ticket into {@code targetId}, or into the first one when no target is given. */
	public BulkResult merge(List<Long> ticketIds, Long targetId, Actor actor) {
		List<Long> ids = distinct(ticketIds);
		if (ids.isEmpty()) {
			return new BulkResult(0, List.of());
		}
		long target = targetId == null ? ids.get(0) : targetId;
		return each(ids.stream().filter(id -> id != target).toList(), id -> {
			relations.merge(id, target, actor);
			return Optional.of(target);
		});
	}

	public BulkResult delete(List<Long> ticketIds, Actor actor) {
		return each(ticketIds, id -> {
			management.delete(id, actor);
			return Optional.of(id);
		});
	}

	private BulkResult each(List<Long> ticketIds, LongFunction<Optional<Long>> action) {
		List<Long> ids = distinct(ticketIds);
		if (ids.size() > MAX_TICKETS) {
			throw new InvalidInput("ticket", "at most " + MAX_TICKETS + " tickets at once");
		}
		int done = 0;
		List<BulkResult.Skipped> skipped = new ArrayList<>();
		for (long id : ids) {
			Optional<BulkResult.Reason> refusal = attempt(id, action);
			if (refusal.isEmpty()) {
				done++;
			}
			else {
				skipped.add(new BulkResult.Skipped(id, refusal.get()));
			}
		}
		return new BulkResult(done, List.copyOf(skipped));
	}

	private static Optional<BulkResult.Reason> attempt(long id, LongFunction<Optional<Long>> action) {
		try {
			return action.apply(id).isPresent() ? Optional.empty() : Optional.of(BulkResult.Reason.UNCHANGED);
		}
		catch (TicketNotFound ex) {
			return Optional.of(BulkResult.Reason.NO_ACCESS);
		}
		catch (IllegalStatusChange ex) {
			return Optional.of(BulkResult.Reason.ILLEGAL_TRANSITION);
		}
		catch (OpenDependencies ex) {
			return Optional.of(BulkResult.Reason.OPEN_DEPENDENCIES);
		}
		catch (TicketOwnedByAnother ex) {
			return Optional.of(BulkResult.Reason.OWNED);
		}
		catch (TicketChangedConcurrently ex) {
			return Optional.of(BulkResult.Reason.CONFLICT);
		}
		catch (InvalidInput | Conflict ex) {
			return Optional.of(BulkResult.Reason.INVALID);
		}
	}

	private static List<Long> distinct(List<Long> ids) {
		return List.copyOf(new LinkedHashSet<>(ids == null ? List.of() : ids));
	}
}
