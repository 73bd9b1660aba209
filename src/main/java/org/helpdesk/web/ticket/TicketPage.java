package org.helpdesk.web.ticket;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.core.Dates;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.customfield.CustomField;
import org.helpdesk.customfield.CustomFieldManagement;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketNotFound;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketTimeline;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the ticket page shows, read for one reader: the page is rendered the same way when it is opened and
 * when an action was refused (then with the reason and what the person typed).
 */
@Component
public class TicketPage {

	static final String VIEW = "web/ticket/page";

	/** A ticket this one waits for; {@code ref} is null when the reader may not see it. */
	public record Dependency(long id, String ref, String title, TicketStatus status) {
	}

	public record CustomValue(String label, String value) {
	}

	public record Choice(String value, String label) {
	}

	private final TicketReader reader;

	private final TicketTimeline timeline;

	private final TicketRelations relations;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final CustomFieldManagement customFields;

	private final TimelineEntries entries;

	private final Dates dates;

	private final Refusals refusals;

	TicketPage(TicketReader reader, TicketTimeline timeline, TicketRelations relations, QueueManagement queues,
			AccountManagement accounts, CustomFieldManagement customFields, TimelineEntries entries, Dates dates,
			Refusals refusals) {
		this.reader = reader;
		this.timeline = timeline;
		this.relations = relations;
		this.queues = queues;
		this.accounts = accounts;
		this.customFields = customFields;
		this.entries = entries;
		this.dates = dates;
		this.refusals = refusals;
	}

	/** The ticket, or a 404 when it does not exist or the reader may not see it. */
	TicketDetails ticket(long id, Account me) {
		return reader.visible(id, me).orElseThrow(() -> new TicketNotFound(id));
	}

	int version(long id, Account me) {
		return timeline.version(id, me).orElseThrow(() -> new TicketNotFound(id));
	}

	String dueInput(TicketDetails ticket) {
		return dates.input(ticket.dueDate());
	}

	String show(long id, Account me, Model model) {
		TicketDetails ticket = ticket(id, me);
		TicketTimeline.Facts facts = timeline.facts(id, me).orElseThrow(() -> new TicketNotFound(id));
		model.addAttribute("ticket", ticket);
		model.addAttribute("facts", facts);
		model.addAttribute("totalTimeSpent", TimelineEntries.hoursAndMinutes(facts.totalTimeSpent()));
		model.addAttribute("queueTitle", queues.find(ticket.queueId()).map(Queue::title).orElse(""));
		model.addAttribute("ownerName", ticket.ownerId() == null ? null
				: accounts.find(ticket.ownerId()).map(Account::displayName).orElse("#" + ticket.ownerId()));
		model.addAttribute("timeline", entries.of(reader.followUps(id), facts.timeSpent()));
		model.addAttribute("dependencies", dependencies(id, me));
		model.addAttribute("customValues", customValues(id));
		model.addAttribute("statuses", ticket.status().allowedNext().stream()
			.sorted(Comparator.comparing(TicketStatus::ordinal)).toList());
		model.addAttribute("owners", withCurrentOwner(owners(ticket.queueId()), ticket));
		model.addAttribute("queues", usableQueues(me));
		model.addAttribute("isOwner", ticket.ownerId() != null && ticket.ownerId() == me.id());
		model.addAttribute("priorities", priorities());
		if (!model.containsAttribute("reply")) {
			model.addAttribute("reply", ReplyForm.of(ticket, facts.version(), dueInput(ticket)));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return VIEW;
	}

	/** The page again, saying why the action was refused; nothing was saved. */
	String refused(long id, Account me, Model model, RuntimeException failure) {
		refusals.describe(failure, model);
		return show(id, me, model);
	}

	List<Queue> usableQueues(Account me) {
		return queues.list().stream().filter(q -> me.canAccessQueue(q.id())).toList();
	}

	/** Active staff who may work the queue (any queue when {@code queueId} is null), by name. */
	List<Choice> owners(Long queueId) {
		return accounts.list().stream()
			.filter(a -> a.isStaff() && (queueId == null || a.canAccessQueue(queueId)))
			.sorted(Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER))
			.map(a -> new Choice(String.valueOf(a.id()), a.displayName()))
			.toList();
	}

	/** The owner stays selectable even without access any more, so that a reply does not unassign by accident. */
	private List<Choice> withCurrentOwner(List<Choice> owners, TicketDetails ticket) {
		if (ticket.ownerId() == null || owners.stream().anyMatch(o -> o.value().equals(ticket.ownerId().toString()))) {
			return owners;
		}
		var all = new java.util.ArrayList<>(owners);
		all.add(0, new Choice(ticket.ownerId().toString(),
				accounts.find(ticket.ownerId()).map(Account::displayName).orElse("#" + ticket.ownerId())));
		return all;
	}

	static List<Integer> priorities() {
		return Arrays.asList(1, 2, 3, 4, 5);
	}

	private List<Dependency> dependencies(long id, Account me) {
		return relations.dependencies(id).stream()
			.map(dep -> {
				Optional<TicketDetails> other = reader.visible(dep, me);
				return other.map(o -> new Dependency(dep, o.ref(), o.title(), o.status()))
					.orElse(new Dependency(dep, null, null, null));
			})
			.toList();
	}

	private List<CustomValue> customValues(long id) {
		Map<String, String> values = customFields.valuesOf(id);
		return customFields.list().stream()
			.filter(f -> values.containsKey(f.name()))
			.map(f -> new CustomValue(f.label(), values.get(f.name())))
			.toList();
	}

	List<CustomField> customFieldDefinitions() {
		return customFields.list();
	}
}
