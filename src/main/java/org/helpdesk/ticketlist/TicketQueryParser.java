package org.helpdesk.ticketlist;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.helpdesk.ticket.TicketStatus;

/**
 * Turns URL parameters into a {@link TicketQuery}. Hostile or broken values (SQL fragments, negative or huge
 * numbers, unknown statuses, a submitter that is no plain e-mail address) are dropped and reported, so a bad
 * bookmark still opens a sensible list.
 */
final class TicketQueryParser {

	/** More values than anyone picks by hand; caps the size of the IN lists a URL can cause. */
	private static final int MAX_VALUES = 100;

	private final Map<String, List<String>> parameters;

	private final List<String> ignored = new ArrayList<>();

	TicketQueryParser(Map<String, List<String>> parameters) {
		this.parameters = parameters == null ? Map.of() : parameters;
	}

	TicketQuery.Parsed parse() {
		TicketQuery defaults = TicketQuery.defaults();
		TreeSet<Long> queues = new TreeSet<>();
		values("queue").forEach(v -> positiveLong(v).ifPresentOrElse(queues::add, () -> ignore("queue")));
		Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
		values("status").forEach(v -> TicketStatus.fromCode(v).ifPresentOrElse(statuses::add, () -> ignore("status")));
		TreeSet<Integer> priorities = new TreeSet<>();
		values("priority").forEach(v -> positiveLong(v).filter(p -> p <= 5)
			.ifPresentOrElse(p -> priorities.add(p.intValue()), () -> ignore("priority")));
		OwnerFilter owner = single("owner").map(v -> OwnerFilter.fromCode(v).orElseGet(() -> {
			ignore("owner");
			return OwnerFilter.ANYONE;
		})).orElse(OwnerFilter.ANYONE);
		String keyword = single("q").map(String::strip).orElse(null);
		if (keyword != null && (keyword.length() > TicketQuery.MAX_KEYWORD || hasControlCharacters(keyword))) {
			ignore("q");
			keyword = null;
		}
		// a search without a chosen order lists the best matches first
		String sortValue = single("sort").orElse(keyword != null ? TicketSort.RELEVANCE.code() : defaults.sortCode());
		boolean descending = sortValue.startsWith("-");
		TicketSort sort = TicketSort.fromCode(descending ? sortValue.substring(1) : sortValue).orElse(null);
		if (sort == null) {
			ignore("sort");
			sort = defaults.sort();
			descending = defaults.descending();
		}
		int size = single("size").flatMap(TicketQueryParser::positiveLong).filter(s -> TicketQuery.PAGE_SIZES.contains(s.intValue()))
			.map(Long::intValue).orElseGet(() -> {
				single("size").ifPresent(v -> ignore("size"));
				return defaults.pageSize();
			});
		var query = new TicketQuery(queues, statuses.isEmpty() ? TicketQuery.DEFAULT_STATUSES : statuses, priorities,
				owner, submitter(), keyword, date("created_from"), date("created_to"), date("modified_from"),
				date("modified_to"), date("due_from"), date("due_to"), sort, descending, size);
		return new TicketQuery.Parsed(query, List.copyOf(new java.util.LinkedHashSet<>(ignored)));
	}

	private List<String> values(String name) {
		List<String> all = parameters.getOrDefault(name, List.of()).stream()
			.filter(v -> v != null && !v.isBlank())
			.map(String::strip)
			.toList();
		if (all.size() > MAX_VALUES) {
			ignore(name);
			return all.subList(0, MAX_VALUES);
		}
		return all;
	}

	private Optional<String> single(String name) {
		return values(name).stream().findFirst();
	}

	/** A whole plain address: the list finds that submitter's tickets, not those whose address contains it. */
	private String submitter() {
		Optional<String> value = single("submitter");
		if (value.isPresent() && !org.helpdesk.core.Input.isEmailAddress(value.get())) {
			ignore("submitter");
			return null;
		}
		return value.orElse(null);
	}

	private LocalDate date(String name) {
		Optional<String> value = single(name);
		if (value.isEmpty()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.get());
			// years far outside what a ticket carries would overflow some databases' timestamp range
			if (date.getYear() < 1900 || date.getYear() > 9999) {
				ignore(name);
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			ignore(name);
			return null;
		}
	}

	private void ignore(String name) {
		ignored.add(name);
	}

	static Optional<Long> positiveLong(String value) {
		if (value == null || !value.matches("\\d{1,18}")) {
			return Optional.empty();
		}
		long number = Long.parseLong(value);
		return number > 0 ? Optional.of(number) : Optional.empty();
	}

	private static boolean hasControlCharacters(String value) {
		return org.helpdesk.core.Input.hasControlCharacters(value, false) || org.helpdesk.core.Input.isDamaged(value);
	}
}
