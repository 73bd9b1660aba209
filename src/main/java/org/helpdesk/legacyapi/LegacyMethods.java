package org.helpdesk.legacyapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.OpenTicket;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eight legacy methods. Each parses its fields, then makes one call to a facade, which runs in one
 * transaction: a request that fails changes nothing.
 */
@Component
class LegacyMethods {

	private final TicketManagement tickets;

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, BiFunction<LegacyParameters, Account, ResponseEntity<String>>> methods = Map.of(
			"create_ticket", this::createTicket, "delete_ticket", this::deleteTicket, "hold_ticket", this::holdTicket,
			"unhold_ticket", this::unholdTicket, "add_followup", this::addFollowUp, "resolve", this::resolve,
			"list_queues", this::listQueues, "find_user", this::findUser);

	LegacyMethods(TicketManagement tickets, QueueManagement queues, AccountManagement accounts) {
		this.tickets = tickets;
		this.queues = queues;
		this.accounts = accounts;
	}

	boolean exists(String method) {
		return methods.containsKey(method);
	}

	ResponseEntity<String> call(String method, LegacyParameters fields, Account caller) {
		return methods.get(method).apply(fields, caller);
	}

	private ResponseEntity<String> createTicket(LegacyParameters fields, Account caller) {
		long queueId = queueId(fields);
		Long ownerId = fields.optionalId("assigned_to", "must be the numeric id of an agent (find_user gives it)");
		Integer priority = fields.priority();
		var dueDate = fields.dueDate();
		long id = tickets.open(new OpenTicket(queueId, fields.text("title"), fields.textOr("body", "description"),
				fields.text("submitter_email"), ownerId, priority, dueDate, fields.attachments(),
				fields.customValues()), caller, fields.problems());
		return LegacyResponse.ok(String.valueOf(id));
	}

	/**
	 * A queue id (checked, with the caller's access, by the facade) or a queue slug turned into its id; -1 when
	 * there is none, which the facade reports.
	 */
	private long queueId(LegacyParameters fields) {
		String value = fields.text("queue");
		if (value == null || value.isBlank()) {
			fields.problem("queue", "is required (a queue id from list_queues, or its slug)");
			return -1;
		}
		if (Input.hasControlCharacters(value, false)) {
			// trim() would drop a trailing NUL and find the queue "qa" for "qa%00"; PostgreSQL cannot even compare it
			fields.problem("queue", "contains control characters");
			return -1;
		}
		return LegacyParameters.number("queue", value)
			.or(() -> queues.findBySlug(Input.withoutSurroundingSpace(value)).map(Queue::id))
			.orElse(-1L);
	}

	private ResponseEntity<String> deleteTicket(LegacyParameters fields, Account caller) {
		long id = fields.ticketId();
		fields.requireNonEmpty("confirm", "No confirmation provided");
		fields.check();
		tickets.delete(id, caller);
		return LegacyResponse.ok("OK");
	}

	private ResponseEntity<String> holdTicket(LegacyParameters fields, Account caller) {
		long id = fields.ticketId();
		fields.check();
		tickets.hold(id, caller);
		return LegacyResponse.ok("OK");
	}

	private ResponseEntity<String> unholdTicket(LegacyParameters fields, Account caller) {
		long id = fields.ticketId();
		fields.check();
		tickets.unhold(id, caller);
		return LegacyResponse.ok("OK");
	}

	private ResponseEntity<String> addFollowUp(LegacyParameters fields, Account caller) {
		long id = fields.ticketId();
		boolean isPublic = fields.publicFlag();
		fields.check();
		tickets.comment(id, fields.text("message"), isPublic, caller);
		return LegacyResponse.ok("OK");
	}

	private ResponseEntity<String> resolve(LegacyParameters fields, Account caller) {
		long id = fields.ticketId();
		fields.check();
		tickets.resolve(id, fields.text("resolution"), caller);
		return LegacyResponse.ok("OK");
	}

	private ResponseEntity<String> listQueues(LegacyParameters fields, Account caller) {
		List<Map<String, String>> visible = queues.list().stream()
			.filter(q -> caller.canAccessQueue(q.id()))
			.map(q -> {
				Map<String, String> entry = new LinkedHashMap<>();
				entry.put("id", String.valueOf(q.id()));
				entry.put("title", q.title());
				entry.put("slug", q.slug());
				return entry;
			})
			.toList();
		return LegacyResponse.json(json.writeValueAsString(visible));
	}

	private ResponseEntity<String> findUser(LegacyParameters fields, Account caller) {
		String username = fields.text("username");
		if (username == null || username.isEmpty()) {
			throw new InvalidInput("username", "is required");
		}
		FieldProblem problem = Input.checkText("username", username, LegacyCredentials.MAX_USERNAME, false);
		if (problem != null) {
			throw new InvalidInput(List.of(problem));
		}
		return accounts.findActiveByUsername(username)
			.map(a -> LegacyResponse.ok(String.valueOf(a.id())))
			.orElseGet(() -> LegacyResponse.text(HttpStatus.NOT_FOUND, "Invalid username provided"));
	}
}
