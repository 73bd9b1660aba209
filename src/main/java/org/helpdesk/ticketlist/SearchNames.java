package org.helpdesk.ticketlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.stereotype.Component;

/**
 * Queue and owner names for searches, asked of their modules when a search needs them: {@code queue:} and
 * {@code owner:} as ids, and the name order of queues and owners for sorting. The index holds only ids, so a
 * renamed queue or person is found by the new name at once.
 */
@Component
class SearchNames {

	private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final QueueManagement queues;

	private final AccountManagement accounts;

	SearchNames(QueueManagement queues, AccountManagement accounts) {
		this.queues = queues;
		this.accounts = accounts;
	}

	/**
	 * Names as this reader means them: a queue by its slug, its title or a word of its title (among the queues the
	 * reader may use); an owner by username, or {@code me}.
	 */
	SearchQueries.Names of(Account reader) {
		return new SearchQueries.Names() {

			@Override
			public Set<Long> queues(String name, boolean prefix) {
				String typed = name.strip().toLowerCase(Locale.ROOT);
				return queues.list().stream()
					.filter(q -> reader != null && reader.canAccessQueue(q.id()))
					.filter(q -> Stream.concat(Stream.of(q.slug(), q.title()), Stream.of(NOT_A_LETTER.split(q.title())))
						.anyMatch(n -> matches(n, typed, prefix)))
					.map(Queue::id)
					.collect(Collectors.toSet());
			}

			@Override
			public Set<Long> owners(String name, boolean prefix) {
				String typed = name.strip().toLowerCase(Locale.ROOT);
				if (!prefix && typed.equals("me") && reader != null) {
					return Set.of(reader.id());
				}
				return accounts.list().stream()
					.filter(a -> matches(a.username(), typed, prefix))
					.map(Account::id)
					.collect(Collectors.toSet());
			}
		};
	}

	private static boolean matches(String name, String typed, boolean prefix) {
		String lower = name.toLowerCase(Locale.ROOT);
		return prefix ? !typed.isEmpty() && lower.startsWith(typed) : lower.equals(typed);
	}

	/** Queues by title and owners by the name the list shows, ignoring case, as ranks. */
	SearchSorts.Ranks ranks() {
		return new SearchSorts.Ranks(() -> rank(queues.list(), Queue::id, Queue::title),
				() -> rank(accounts.list(), Account::id, Account::displayName));
	}

	/** Items with equal names share a rank, so the ticket id decides between them, as in SQL. */
	static <T> Map<Long, Long> rank(List<T> items, ToLongFunction<T> id, Function<T, String> name) {
		List<T> sorted = new ArrayList<>(items);
		Function<T, String> key = item -> name.apply(item).toLowerCase(Locale.ROOT);
		sorted.sort(Comparator.comparing(key));
		Map<Long, Long> ranks = new HashMap<>();
		long rank = 0;
		String previous = null;
		for (T item : sorted) {
			String current = key.apply(item);
			if (!current.equals(previous)) {
				rank++;
				previous = current;
			}
			ranks.put(id.applyAsLong(item), rank);
		}
		return ranks;
	}
}
