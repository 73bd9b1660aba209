package org.helpdesk.ticketlist;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import org.helpdesk.ticket.TicketStatus;

/**
 * A ticket-list filter as people bookmark and save it: which queues, statuses, priorities and owners, the
 * submitter's address (in lower case, matched ignoring case), a keyword, created, modified and due date ranges (days
 * in the reader's time zone, both ends included), the sort order and page size. An empty set of queues, priorities
 * means "any", a null submitter, keyword or date no condition. It travels as a URL query string ({@link #parse},
 * {@link #toQueryString}).
 */
public record TicketQuery(SortedSet<Long> queues, Set<TicketStatus> statuses, SortedSet<Integer> priorities,
		OwnerFilter owner, String submitter, String keyword, LocalDate createdFrom, LocalDate createdTo,
		LocalDate modifiedFrom, LocalDate modifiedTo, LocalDate dueFrom, LocalDate dueTo, TicketSort sort,
		boolean descending, int pageSize) {

	public static final Set<TicketStatus> DEFAULT_STATUSES = EnumSet.of(TicketStatus.OPEN, TicketStatus.REOPENED);

	public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

	public static final int MAX_KEYWORD = 200;

	public TicketQuery {
		queues = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(queues));
		// no status at all would not survive a round trip through the URL (it means "the default"): say "every status"
		statuses = java.util.Collections.unmodifiableSet(
				statuses.isEmpty() ? EnumSet.allOf(TicketStatus.class) : EnumSet.copyOf(statuses));
		priorities = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(priorities));
		submitter = submitter == null || submitter.isBlank() ? null
				: submitter.strip().toLowerCase(java.util.Locale.ROOT);
		keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
		if (keyword == null && sort == TicketSort.RELEVANCE) {
			// nothing to rank by without a keyword: the newest first, as the list opens
			sort = TicketSort.CREATED;
			descending = true;
		}
		else if (sort == TicketSort.RELEVANCE) {
			descending = false; // the best match first; there is no other way round
		}
	}

	/** Open and reopened tickets of anyone, newest first, 25 a page: the list as it opens. */
	public static TicketQuery defaults() {
		return of(DEFAULT_STATUSES, OwnerFilter.ANYONE, TicketSort.CREATED, true, 25);
	}

	/** Tickets in these statuses of this owner in every queue, with no other filter, such as the dashboard lists. */
	public static TicketQuery of(Set<TicketStatus> statuses, OwnerFilter owner, TicketSort sort, boolean descending,
			int pageSize) {
		return new TicketQuery(new java.util.TreeSet<>(), statuses, new java.util.TreeSet<>(), owner, null, null, null,
				null, null, null, null, null, sort, descending, pageSize);
	}

	/** A query and the names of the parameters that were not understood and therefore left out. */
	public record Parsed(TicketQuery query, List<String> ignored) {
	}

	/** Reads URL parameters leniently: a value that makes no sense is left out (and named), never an error. */
	public static Parsed parse(Map<String, List<String>> parameters) {
		return new TicketQueryParser(parameters).parse();
	}

	/** Reads a query string such as a saved view holds (without a leading {@code ?}). */
	public static Parsed parse(String queryString) {
		Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
		for (String pair : (queryString == null ? "" : queryString).split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				parameters.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>())
					.add(decode(pair.substring(eq + 1)));
			}
		}
		return parse(parameters);
	}

	private static String decode(String text) {
		try {
			return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	public TicketQuery withSort(TicketSort nextSort, boolean nextDescending) {
		return new TicketQuery(queues, statuses, priorities, owner, submitter, keyword, createdFrom, createdTo,
				modifiedFrom, modifiedTo, dueFrom, dueTo, nextSort, nextDescending, pageSize);
	}

	/** The same list with another search (null for none); its order stays unless it was by relevance. */
	public TicketQuery withKeyword(String nextKeyword) {
		return new TicketQuery(queues, statuses, priorities, owner, submitter, nextKeyword, createdFrom, createdTo,
				modifiedFrom, modifiedTo, dueFrom, dueTo, sort, descending, pageSize);
	}

	public TicketQuery withPageSize(int size) {
		return new TicketQuery(queues, statuses, priorities, owner, submitter, keyword, createdFrom, createdTo,
				modifiedFrom, modifiedTo, dueFrom, dueTo, sort, descending, size);
	}

	public boolean hasStatus(String code) {
		return TicketStatus.fromCode(code).map(statuses::contains).orElse(false);
	}

	/** The sort as the URL writes it: the column, with a leading {@code -} for descending. */
	public String sortCode() {
		return (descending ? "-" : "") + sort.code();
	}

	/** The canonical URL query string (without a leading {@code ?}); it parses back into an equal query. */
	public String toQueryString() {
		List<String> parts = new ArrayList<>();
		queues.forEach(q -> parts.add("queue=" + q));
		statuses.stream().sorted().forEach(s -> parts.add("status=" + s.code()));
		priorities.forEach(p -> parts.add("priority=" + p));
		if (owner.kind() != OwnerFilter.Kind.ANYONE) {
			parts.add("owner=" + owner.code());
		}
		if (submitter != null) {
			parts.add("submitter=" + URLEncoder.encode(submitter, StandardCharsets.UTF_8));
		}
		if (keyword != null) {
			parts.add("q=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
		}
		date(parts, "created_from", createdFrom);
		date(parts, "created_to", createdTo);
		date(parts, "modified_from", modifiedFrom);
		date(parts, "modified_to", modifiedTo);
		date(parts, "due_from", dueFrom);
		date(parts, "due_to", dueTo);
		parts.add("sort=" + sortCode());
		parts.add("size=" + pageSize);
		return String.join("&", parts);
	}

	private static void date(List<String> parts, String name, LocalDate value) {
		if (value != null) {
			parts.add(name + "=" + value);
		}
	}
}
