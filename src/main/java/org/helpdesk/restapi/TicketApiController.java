package org.helpdesk.restapi;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Download;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.customfield.CustomFieldManagement;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.AttachmentFile;
import org.helpdesk.ticket.EditTicket;
import org.helpdesk.ticket.OpenTicket;
import org.helpdesk.ticket.TicketChangedConcurrently;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketEdits;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketNotFound;
import org.helpdesk.ticket.TicketReader;
import org.helpdesk.ticket.TicketRelations;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketUpdate;
import org.helpdesk.ticket.TicketUpdates;
import org.helpdesk.ticketlist.TicketPage;
import org.helpdesk.ticketlist.TicketQuery;
import org.helpdesk.ticketlist.TicketRow;
import org.helpdesk.ticketlist.TicketSearch;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Tickets for staff: agents see and change the tickets of their queues, administrators all. Every change goes
 * through the same facades as the pages, so the same rules, history, change log and mails apply. A ticket's
 * {@code ETag} is its version: {@code PATCH}, {@code DELETE} and new follow-ups with {@code If-Match} are refused
 * with 412 when the ticket was saved since, and change nothing.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

	static final int MAX_LIMIT = 100;

	private static final Set<String> NEW_TICKET = TicketRequests.fieldsOf(TicketRequests.NewTicket.class);

	private static final Set<String> TICKET_CHANGE = TicketRequests.fieldsOf(TicketRequests.TicketChange.class);

	private static final Set<String> NEW_FOLLOW_UP = TicketRequests.fieldsOf(TicketRequests.NewFollowUp.class);

	private final TicketReader reader;

	private final TicketManagement tickets;

	private final TicketUpdates updates;

	private final TicketEdits edits;

	private final TicketRelations relations;

	private final TicketSearch search;

	private final QueueManagement queues;

	private final AttachmentStore files;

	private final CustomFieldManagement customFields;

	private final TransactionTemplate transactions;

	TicketApiController(TicketReader reader, TicketManagement tickets, TicketUpdates updates, TicketEdits edits,
			TicketRelations relations, TicketSearch search, QueueManagement queues, AttachmentStore files,
			CustomFieldManagement customFields, TransactionTemplate transactions) {
		this.reader = reader;
		this.tickets = tickets;
		this.updates = updates;
		this.edits = edits;
		this.relations = relations;
		this.search = search;
		this.queues = queues;
		this.files = files;
		this.customFields = customFields;
		this.transactions = transactions;
	}

	record CcBody(String email) {
	}

	record MergeBody(Long into) {
	}

	record DependencyBody(Long dependsOn) {
	}

	/** One line of the list. */
	record ListedTicket(long id, String ref, String title, long queue, String queueTitle, String status, int priority,
			boolean onHold, Long assignedTo, String assignedToName, Instant created, Instant modified, Instant dueDate) {

		static ListedTicket of(TicketRow r) {
			return new ListedTicket(r.id(), r.ref(), r.title(), r.queueId(), r.queueTitle(), r.status().code(),
					r.priority(), r.onHold(), r.ownerId(), r.ownerName(), r.created(), r.modified(), r.dueDate());
		}
	}

	/** @param total how many tickets match, counted up to 1,000 ({@code total_capped} says when there are more) */
	record ListPage(List<ListedTicket> tickets, long total, boolean totalCapped, String nextCursor) {
	}

	/**
	 * The tickets matching the filters of the staff list ({@code queue}, {@code status}, {@code priority},
	 * {@code owner} = {@code me}/{@code unassigned}/an account id, {@code submitter} = an e-mail address (the whole
	 * address, ignoring case), {@code q}, {@code created_from}/{@code _to}, {@code modified_from}/{@code _to} (the last
	 * change), {@code due_from}/{@code _to} as UTC dates, both days included, {@code sort} with {@code -} for
	 * descending), {@code limit} (1 to 100) a page; {@code cursor} continues after the previous page, at any depth, as
	 * fast as the first page.
	 */
	@GetMapping
	@Parameter(in = ParameterIn.QUERY, name = "queue", description = "A queue id; repeat for several")
	@Parameter(in = ParameterIn.QUERY, name = "status", description = "open, reopened, resolved, closed, duplicate; "
			+ "repeat for several (default: every status)")
	@Parameter(in = ParameterIn.QUERY, name = "priority", description = "1 to 5; repeat for several")
	@Parameter(in = ParameterIn.QUERY, name = "owner", description = "me, unassigned or an account id")
	@Parameter(in = ParameterIn.QUERY, name = "q", description = "Keywords, as in the staff list's search")
	@Parameter(in = ParameterIn.QUERY, name = "created_from", description = "A UTC date, 2026-12-01")
	@Parameter(in = ParameterIn.QUERY, name = "created_to", description = "A UTC date, 2026-12-31")
	@Parameter(in = ParameterIn.QUERY, name = "modified_from", description = "A UTC date: last changed on or after it")
	@Parameter(in = ParameterIn.QUERY, name = "modified_to", description = "A UTC date: last changed on or before it")
	@Parameter(in = ParameterIn.QUERY, name = "submitter", description = "One whole e-mail address, any case")
	@Parameter(in = ParameterIn.QUERY, name = "due_from", description = "A UTC date")
	@Parameter(in = ParameterIn.QUERY, name = "due_to", description = "A UTC date")
	@Parameter(in = ParameterIn.QUERY, name = "sort", description = "A column, - first for descending: -created")
	@Parameter(in = ParameterIn.QUERY, name = "limit", description = "1 to 100, default 25")
	@Parameter(in = ParameterIn.QUERY, name = "cursor", description = "next_cursor of the page before")
	ListPage list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@SignedIn Account caller) {
		Map<String, List<String>> filters = new java.util.LinkedHashMap<>(parameters);
		String limitText = single(filters.remove("limit"));
		String cursorText = single(filters.remove("cursor"));
		List<InvalidInputField> problems = new ArrayList<>();
		int limit = 25;
		if (limitText != null) {
			if (!limitText.matches("\\d{1,3}") || Integer.parseInt(limitText) < 1
					|| Integer.parseInt(limitText) > MAX_LIMIT) {
				problems.add(new InvalidInputField("limit", "must be a whole number from 1 to " + MAX_LIMIT));
			}
			else {
				limit = Integer.parseInt(limitText);
			}
		}
		Long cursor = null;
		if (cursorText != null) {
			if (!cursorText.matches("\\d{1,18}")) {
				problems.add(new InvalidInputField("cursor", "must be a cursor this list gave out"));
			}
			else {
				cursor = Long.parseLong(cursorText);
			}
		}
		if (!filters.containsKey("status")) {
			// the API lists every status unless asked; the staff page opens on open and reopened tickets
			filters.put("status", java.util.Arrays.stream(TicketStatus.values()).map(TicketStatus::code).toList());
		}
		TicketQuery.Parsed parsed = TicketQuery.parse(filters);
		parsed.ignored().forEach(name -> problems.add(new InvalidInputField(name, notUnderstood(name))));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems.stream().map(p -> new org.helpdesk.core.FieldProblem(p.field(), p.reason()))
				.toList());
		}
		TicketPage page = search.search(parsed.query().withPageSize(limit),
				cursor == null ? TicketPage.Position.FIRST : new TicketPage.Position(cursor, null, 2), caller,
				ZoneOffset.UTC);
		return new ListPage(page.rows().stream().map(ListedTicket::of).toList(), page.total(), page.moreThanTotal(),
				page.nextAfter() == null ? null : String.valueOf(page.nextAfter()));
	}

	private record InvalidInputField(String field, String reason) {
	}

	/** Why the list did not take a filter value, as far as the name tells. */
	private static String notUnderstood(String parameter) {
		if (parameter.equals("submitter")) {
			return "is not understood: must be one whole e-mail address";
		}
		if (parameter.endsWith("_from") || parameter.endsWith("_to")) {
			return "is not understood: must be a date such as 2026-12-31";
		}
		return "is not understood";
	}

	private static String single(List<String> values) {
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	@GetMapping("/{id}")
	ResponseEntity<TicketBody> get(@PathVariable long id, @SignedIn Account caller) {
		TicketDetails ticket = visible(id, caller);
		return ResponseEntity.ok().eTag(etag(ticket)).body(body(ticket));
	}

	/** Opens a ticket; {@code queue} by id or slug. Answered 201 with the ticket and its address. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer sets it too
	ResponseEntity<TicketBody> create(@RequestBody @Schema(implementation = TicketRequests.NewTicket.class) JsonNode json,
			@SignedIn Account caller) {
		return open(json, List.of(), caller);
	}

	/**
	 * Opens a ticket with files: {@code multipart/form-data} with the ticket's JSON object in the part {@code ticket}
	 * and each file in a part {@code attachment}; answered like {@link #create}.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer sets it too
	ResponseEntity<TicketBody> createWithFiles(@RequestPart("ticket") String ticket,
			@RequestPart(name = "attachment", required = false) List<MultipartFile> attachment,
			@SignedIn Account caller) {
		return open(JsonFields.parse("ticket", ticket), Upload.chosen(attachment), caller);
	}

	private ResponseEntity<TicketBody> open(JsonNode json, List<Upload> uploads, Account caller) {
		JsonFields fields = JsonFields.of(json, NEW_TICKET);
		Optional<Long> queueId = fields.idOrSlug("queue").flatMap(this::queueId);
		if (fields.has("queue") && queueId.isEmpty()) {
			fields.problem("queue", "is not a queue");
		}
		else if (queueId.isEmpty()) {
			fields.problem("queue", "is required");
		}
		String title = fields.text("title").orElse(null);
		String description = fields.text("description").orElse(null);
		String submitter = fields.text("submitter_email").orElse(null);
		Long owner = fields.number("assigned_to").orElse(null);
		Integer priority = fields.smallNumber("priority", 1, 5).orElse(null);
		Instant due = fields.instant("due_date").orElse(null);
		Map<String, String> custom = fields.textMap("custom_fields");
		List<String> ccs = fields.texts("ccs");
		fields.check();
		long id = transactions.execute(status -> {
			long opened = tickets.open(new OpenTicket(queueId.orElseThrow(), title, description, submitter, owner, priority,
					due, uploads, custom), caller);
			ccs.forEach(cc -> tickets.addCc(opened, cc, caller));
			return opened;
		});
		TicketDetails created = visible(id, caller);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id)).eTag(etag(created)).body(body(created));
	}

	/**
	 * Changes the fields sent, all in one transaction: {@code title}, {@code description}, {@code submitter_email},
	 * {@code priority}, {@code due_date} (null removes it), {@code queue}, {@code assigned_to} (null unassigns),
	 * {@code status} (by the workflow's transitions), {@code on_hold}.
	 */
	@PatchMapping("/{id}")
	ResponseEntity<TicketBody> patch(@PathVariable long id,
			@RequestBody @Schema(implementation = TicketRequests.TicketChange.class) JsonNode json,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@SignedIn Account caller) {
		JsonFields fields = JsonFields.of(json, TICKET_CHANGE);
		Optional<String> title = fields.text("title");
		Optional<String> description = fields.text("description");
		Optional<String> submitter = fields.text("submitter_email");
		Optional<Integer> priority = fields.smallNumber("priority", 1, 5);
		Optional<Instant> due = fields.instant("due_date");
		Optional<Long> queue = fields.idOrSlug("queue").flatMap(this::queueId);
		if (fields.has("queue") && queue.isEmpty()) {
			fields.problem("queue", "is not a queue");
		}
		Optional<Long> owner = fields.number("assigned_to");
		Optional<Boolean> onHold = fields.bool("on_hold");
		Optional<TicketStatus> status = fields.text("status").flatMap(code -> {
			Optional<TicketStatus> known = TicketStatus.fromCode(code);
			if (known.isEmpty()) {
				fields.problem("status", "must be one of open, reopened, resolved, closed, duplicate");
			}
			return known;
		});
		fields.check();
		OptionalInt seen = seenVersion(ifMatch);
		onCurrentVersion(id, caller, seen, () -> {
			TicketDetails before = visible(id, caller);
			if (title.isPresent() || description.isPresent() || submitter.isPresent() || priority.isPresent()
					|| fields.has("due_date") || fields.has("submitter_email")) {
				edits.edit(id, new EditTicket(title.orElse(before.title()),
						fields.has("description") ? description.orElse(null) : before.description(),
						fields.has("submitter_email") ? submitter.orElse(null) : before.submitterEmail(),
						priority.orElse(before.priority()), fields.has("due_date") ? due.orElse(null) : before.dueDate(),
						before.version()), caller);
			}
			TicketUpdate update = TicketUpdate.status(status.orElse(null));
			boolean changes = status.isPresent();
			if (queue.isPresent()) {
				update = update.moveToQueue(queue.get());
				changes = true;
			}
			if (fields.has("assigned_to")) {
				update = owner.map(update::assignTo).orElseGet(update::unassign);
				changes = true;
			}
			if (changes) {
				updates.update(id, update, caller);
			}
			onHold.ifPresent(held -> {
				if (held != visible(id, caller).onHold()) {
					tickets.changeHold(id, caller, held, OptionalInt.empty());
				}
			});
		});
		return get(id, caller);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document; the answer sets it too
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@SignedIn Account caller) {
		OptionalInt seen = seenVersion(ifMatch);
		onCurrentVersion(id, caller, seen, () -> tickets.delete(id, caller, OptionalInt.empty()));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/followups")
	List<TicketBody.FollowUp> followUps(@PathVariable long id,
			@SignedIn Account caller) {
		return body(visible(id, caller)).followups();
	}

	/** Adds a follow-up: {@code comment}, {@code public}, {@code new_status}, {@code time_spent_seconds}. */
	@PostMapping("/{id}/followups")
	@ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer sets it too
	ResponseEntity<TicketBody.FollowUp> addFollowUp(@PathVariable long id,
			@RequestBody @Schema(implementation = TicketRequests.NewFollowUp.class) JsonNode json,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@SignedIn Account caller) {
		return followUp(id, json, List.of(), ifMatch, caller);
	}

	/**
	 * Adds a follow-up with files: {@code multipart/form-data} with the follow-up's JSON object in the part
	 * {@code followup} and each file in a part {@code attachment}; answered like {@link #addFollowUp}.
	 */
	@PostMapping(path = "/{id}/followups", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer sets it too
	ResponseEntity<TicketBody.FollowUp> addFollowUpWithFiles(@PathVariable long id,
			@RequestPart("followup") String followup,
			@RequestPart(name = "attachment", required = false) List<MultipartFile> attachment,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@SignedIn Account caller) {
		return followUp(id, JsonFields.parse("followup", followup), Upload.chosen(attachment), ifMatch, caller);
	}

	private ResponseEntity<TicketBody.FollowUp> followUp(long id, JsonNode json, List<Upload> uploads, String ifMatch,
			Account caller) {
		JsonFields fields = JsonFields.of(json, NEW_FOLLOW_UP);
		String comment = fields.text("comment").orElse(null);
		boolean isPublic = fields.bool("public").orElse(false);
		Optional<TicketStatus> status = fields.text("new_status").flatMap(code -> {
			Optional<TicketStatus> known = TicketStatus.fromCode(code);
			if (known.isEmpty()) {
				fields.problem("new_status", "must be one of open, reopened, resolved, closed, duplicate");
			}
			return known;
		});
		Optional<Long> spent = fields.number("time_spent_seconds");
		spent.filter(s -> s < 0 || s > Duration.ofDays(365).toSeconds())
			.ifPresent(s -> fields.problem("time_spent_seconds", "must be from 0 to a year"));
		if ((comment == null || comment.isBlank()) && status.isEmpty() && uploads.isEmpty()) {
			fields.problem("comment", "is required unless new_status or a file is given");
		}
		fields.check();
		visible(id, caller);
		TicketUpdate update = TicketUpdate.reply(comment, isPublic).attach(uploads);
		if (status.isPresent()) {
			update = update.changeStatus(status.get());
		}
		if (spent.isPresent()) {
			update = update.spent(Duration.ofSeconds(spent.get()));
		}
		OptionalInt seen = seenVersion(ifMatch);
		if (seen.isPresent()) {
			update = update.basedOn(seen.getAsInt());
		}
		long followUpId;
		try {
			followUpId = updates.update(id, update, caller).orElseThrow(() -> new InvalidInput("comment", "changes nothing"));
		}
		catch (TicketChangedConcurrently ex) {
			throw seen.isPresent() ? new StaleVersion() : ex;
		}
		TicketDetails ticket = visible(id, caller);
		TicketBody.FollowUp created = body(ticket).followups().stream().filter(f -> f.id() == followUpId).findFirst()
			.orElseThrow(() -> new TicketNotFound(id));
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/followups/" + followUpId))
			.eTag(etag(ticket))
			.body(created);
	}

	@PostMapping("/{id}/ccs")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addCc(@PathVariable long id, @RequestBody CcBody body,
			@SignedIn Account caller) {
		tickets.addCc(id, body.email(), caller);
	}

	@DeleteMapping("/{id}/ccs/{email}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeCc(@PathVariable long id, @PathVariable String email,
			@SignedIn Account caller) {
		edits.removeCc(id, email, caller);
	}

	@PostMapping("/{id}/dependencies")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addDependency(@PathVariable long id, @RequestBody DependencyBody body,
			@SignedIn Account caller) {
		if (body == null || body.dependsOn() == null) {
			throw new InvalidInput("depends_on", "is required");
		}
		relations.addDependency(id, body.dependsOn(), caller);
	}

	@DeleteMapping("/{id}/dependencies/{dependsOn}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeDependency(@PathVariable long id, @PathVariable long dependsOn,
			@SignedIn Account caller) {
		relations.removeDependency(id, dependsOn, caller);
	}

	/** Merges this ticket into {@code into}: it becomes a duplicate, its follow-ups and people move over. */
	@PostMapping("/{id}/merge")
	TicketBody merge(@PathVariable long id, @RequestBody MergeBody body,
			@SignedIn Account caller) {
		if (body == null || body.into() == null) {
			throw new InvalidInput("into", "is required");
		}
		relations.merge(id, body.into(), caller);
		return body(visible(body.into(), caller));
	}

	/** Attachments are always downloaded, never rendered inline, and only by people who may see the ticket. */
	@GetMapping("/{id}/attachments/{attachmentId}")
	@ApiResponse(responseCode = "200", description = "The file, as a download with its own type",
			content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
	ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId,
			@SignedIn Account caller) throws IOException {
		visible(id, caller);
		AttachmentFile file = reader.attachment(id, attachmentId).orElseThrow(() -> new TicketNotFound(id));
		return Download.of(file.filename(), file.mimeType(), file.size(), files.open(file.storageKey()));
	}

	/** The version a client saw, from {@code If-Match}; {@code *} or no header: any. */
	private static OptionalInt seenVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return OptionalInt.empty();
		}
		String tag = ifMatch.strip().replaceFirst("^W/", "");
		if (!tag.matches("\"\\d{1,9}\"")) {
			// a tag this API never gave out matches no version
			return OptionalInt.of(-1);
		}
		return OptionalInt.of(Integer.parseInt(tag.substring(1, tag.length() - 1)));
	}

	/**
	 * Runs the change in one transaction on the locked ticket, after checking that it is still at the version the
	 * client saw (if it said).
	 */
	private void onCurrentVersion(long id, Account caller, OptionalInt seen, Runnable change) {
		transactions.executeWithoutResult(status -> {
			try {
				tickets.lockForChange(id, caller, seen);
			}
			catch (TicketChangedConcurrently ex) {
				throw new StaleVersion();
			}
			change.run();
		});
	}

	private Optional<Long> queueId(String idOrSlug) {
		Optional<Queue> queue = idOrSlug.matches("\\d{1,18}") ? queues.find(Long.parseLong(idOrSlug))
				: queues.findBySlug(idOrSlug);
		return queue.map(Queue::id);
	}

	private TicketDetails visible(long id, Account caller) {
		return reader.visible(id, caller).orElseThrow(() -> new TicketNotFound(id));
	}

	/** The ticket as the API shows it; its ETag is taken from the same read, so the two always agree. */
	private TicketBody body(TicketDetails ticket) {
		return TicketBody.of(ticket, customFields.valuesOf(ticket.id()), reader.followUps(ticket.id()));
	}

	private static String etag(TicketDetails ticket) {
		return "\"" + ticket.version() + "\"";
	}

	/** {@code If-Match} named a version the ticket has left behind. */
	static final class StaleVersion extends RuntimeException {

		StaleVersion() {
			super("The ticket was changed since the version in If-Match; read it again (GET) and retry with its ETag");
		}
	}

	@ExceptionHandler(StaleVersion.class)
	ResponseEntity<ProblemDetail> stale(StaleVersion ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
		problem.setTitle("Stale version");
		problem.setProperty("errors", List.of(Map.of("field", HttpHeaders.IF_MATCH, "reason",
				"is not the ticket's current version")));
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
	}
}
