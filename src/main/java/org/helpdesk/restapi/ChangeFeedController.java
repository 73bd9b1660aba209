package org.helpdesk.restapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.ChangeLog;
import org.helpdesk.ticket.LoggedChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed: the {@link ChangeLog} in order, page by page, limited to the tickets of the caller's queues. A
 * client keeps the last {@code next_cursor} and asks again with it; it never misses a change and never sees one
 * twice, however deep it reads, since the cursor is a position in the log, not an offset.
 */
@RestController
@RequestMapping("/api/v1/changes")
class ChangeFeedController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private final ChangeLog log;

	ChangeFeedController(ChangeLog log) {
		this.log = log;
	}

	/**
	 * One change as the feed shows it; {@code fields} is the log's JSON object as it is.
	 *
	 * @param cursor where this change stands: a reader that asks for changes {@code after} it gets the ones that
	 *     follow
	 */
	record Change(String cursor, long position, long ticketId, Long queueId, String kind, Long actorId,
			Long followupId, Instant occurredAt, @JsonRawValue String fields) {

		static Change of(LoggedChange c) {
			return new Change(String.valueOf(c.position()), c.position(), c.ticketId(), c.queueId(), c.kind(),
					c.actorId(), c.followUpId(), c.occurred(), c.fields());
		}
	}

	record Page(List<Change> changes, String nextCursor, boolean hasMore) {
	}

	record Cursor(String cursor) {
	}

	/**
	 * Changes after the cursor ({@code after}; none or empty: from the start), at most {@code limit} (1 to 1,000,
	 * default 100). When retention has removed changes the cursor has not seen yet, the answer is 410: the client
	 * mirrors again from {@link #current} and the ticket list.
	 */
	@GetMapping
	Page list(@RequestParam(required = false) String after, @RequestParam(required = false) String limit,
			@SignedIn Account caller) {
		long position = cursor(after);
		int size = limit(limit);
		long oldest = log.oldestPosition();
		long head = log.head();
		if (oldest > position + 1) {
			throw new CursorExpired();
		}
		List<LoggedChange> changes = caller.usesEveryQueue() ? log.after(position, size + 1)
				: log.after(position, size + 1, caller.queueIds());
		boolean more = changes.size() > size;
		List<Change> page = changes.stream().limit(size).map(Change::of).toList();
		// read to the end: the cursor moves to the head read before, even past changes of other queues (every change
		// up to it had committed and was visible to the read), so the next call does not scan them again
		long last = page.isEmpty() ? position : page.get(page.size() - 1).position();
		String next = String.valueOf(more ? last : Math.max(last, head));
		return new Page(page, next, more);
	}

	/**
	 * The cursor of the newest change: a client that starts mirroring reads it first, then the tickets, then follows
	 * the feed from it (changes made while it read the tickets come again; applying them twice does no harm).
	 */
	@GetMapping("/cursor")
	Cursor current() {
		return new Cursor(String.valueOf(log.head()));
	}

	/** Retention removed changes after the cursor before the client read them. */
	static final class CursorExpired extends RuntimeException {

		CursorExpired() {
			super("Changes after this cursor are no longer kept (retention); read the tickets again and follow the feed "
					+ "from GET /api/v1/changes/cursor", null, false, false);
		}
	}

	@ExceptionHandler(CursorExpired.class)
	ResponseEntity<ProblemDetail> expired(CursorExpired ex) {
		ProblemDetail gone = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
		gone.setTitle("Cursor expired");
		gone.setProperty("errors", List.of(Map.of("field", "after", "reason", "is older than the oldest change kept")));
		return ResponseEntity.status(HttpStatus.GONE).body(gone);
	}

	private static long cursor(String after) {
		if (after == null || after.isBlank()) {
			return 0;
		}
		if (!after.matches("\\d{1,18}")) {
			throw new InvalidInput("after", "must be a cursor this feed gave out");
		}
		return Long.parseLong(after);
	}

	private static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
			throw new InvalidInput("limit", "must be a whole number from 1 to " + MAX_LIMIT);
		}
		return Integer.parseInt(limit);
	}
}
