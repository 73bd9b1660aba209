package org.helpdesk.ticketlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.helpdesk.account.Account;
import org.helpdesk.core.EmbeddedDatabase;
import org.helpdesk.core.RereadOnLostChunk;
import org.helpdesk.core.Timestamps;
import org.helpdesk.ticket.TicketRef;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket list and the dashboard's tables, always limited to the queues the reader may use. Pages are found by
 * seeking from a ticket id (see {@link TicketSeek}); how many tickets match is counted separately, up to
 * {@link #COUNT_LIMIT}. A list with a keyword is searched in the search index instead ({@link KeywordSearch}), and
 * only its page of rows is read here.
 */
@Service
@RereadOnLostChunk
@Transactional(readOnly = true)
public class TicketSearch {

	private static final String COLUMNS = "select t.id, t.title, t.queue_id, q.title as queue_title, q.slug, t.status,"
			+ " t.priority, t.on_hold, t.assigned_to, a.username, a.first_name, a.last_name, t.created, t.modified,"
			+ " t.due_date";

	private static final int MAX_PAGE = 100;

	/** The columns that the filters of {@link TicketListSql} and the sorts that a walk reads by look at. */
	private static final String WALKED_COLUMNS = "t.id, t.queue_id, t.status, t.priority, t.assigned_to,"
			+ " t.submitter_email, t.created, t.modified, t.due_date";

	/**
	 * Lists count their tickets up to this many and then say "more than": an exact count of a huge list costs a read
	 * of every matching ticket on every page, and nobody needs to know whether it is 81,312 or 81,313.
	 */
	static final long COUNT_LIMIT = 1000;

	/**
	 * How much dearer reading a ticket while walking the sort column's index is than taking one out of the filter's
	 * index to sort it (see {@link #plan}).
	 */
	private static final long WALK_COST = 4;

	private record Total(long count, boolean capped) {
	}

	private final JdbcClient jdbc;

	private final TicketCounts counts;

	private final KeywordSearch keywords;

	/** H2 plans without statistics on how values are spread; PostgreSQL keeps them (see {@link #plan}). */
	private final boolean plannerGuessesSpread;

	/** See {@link ListSettings#walkAtMost()}. */
	private final int walkAtMost;

	TicketSearch(JdbcClient jdbc, TicketCounts counts, KeywordSearch keywords, DataSource dataSource,
			ListSettings settings) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.keywords = keywords;
		this.plannerGuessesSpread = EmbeddedDatabase.ownedByThisProcess(dataSource);
		this.walkAtMost = Math.max(1, settings.walkAtMost());
	}

	/** The page of tickets matching the query at the given position, as the reader may see them. */
	public TicketPage search(TicketQuery query, TicketPage.Position position, Account reader, ZoneId zone) {
		if (query.keyword() != null) {
			return keywords.search(query, position, reader, zone, this::rows);
		}
		int size = Math.min(Math.max(query.pageSize(), 1), MAX_PAGE);
		TicketListSql filter = TicketListSql.of(query, reader, zone, false);
		long counted = jdbc.sql("select count(*) from (select 1 from ticket t" + filter.where() + " limit :countLimit) c")
			.params(filter.params())
			.param("countLimit", COUNT_LIMIT + 1)
			.query(Long.class)
			.single();
		Total total = new Total(Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT);
		Plan plan = plan(query, reader, size, total);
		TicketListSql page = plan == Plan.WALK ? TicketListSql.of(query, reader, zone, true) : filter;
		Long cursor = position.after() != null ? position.after() : position.before();
		boolean backwards = position.after() == null && position.before() != null;
		Optional<Object[]> seek = cursor == null ? Optional.empty() : sortValue(query.sort(), cursor, reader);
		boolean descending = query.descending() != (backwards && seek.isPresent());
		TicketListSql from = TicketListSql.unfiltered();
		seek.ifPresent(v -> {
			Map<String, Object> params = new HashMap<>();
			String after = TicketSeek.after(query.sort(), descending, v[0], cursor, params);
			page.addCondition(after, params);
			from.addCondition(after, params);
		});
		// a bounded walk filters what it read with the plain conditions of the page (its seek condition holds already)
		Optional<List<Long>> walked = plan == Plan.BOUNDED_WALK
				? walked(query.sort(), descending, from, page, size + 1)
				: Optional.empty();
		List<Long> ids = walked.orElseGet(() -> pageIds(query.sort(), descending, page, size + 1));
		List<TicketRow> rows = new ArrayList<>(rows(ids));
		boolean more = rows.size() > size;
		if (more) {
			rows.remove(size);
		}
		if (seek.isEmpty()) {
			return page(rows, total, 1, size, false, more);
		}
		if (rows.isEmpty()) {
			// nothing left beyond the cursor (tickets were closed or deleted meanwhile): start at the top again
			return search(query, TicketPage.Position.FIRST, reader, zone);
		}
		if (backwards) {
			Collections.reverse(rows);
			return page(rows, total, more ? position.number() : 1, size, more, true);
		}
		return page(rows, total, position.number(), size, true, more);
	}

	/**
	 * How H2 finds a page (see {@link #plan}): by looking the filter up in an index and sorting what matches, by reading
	 * the sort column's index in order and checking each ticket against the filter, or by reading it so for a bounded
	 * number of tickets and looking the filter up when that was not enough.
	 */
	private enum Plan {
		LOOK_UP, WALK, BOUNDED_WALK
	}

	/**
	 * Whether to read the list in the order of the sort column's index, checking each ticket against the filter,
	 * rather than look the filter up in an index and sort everything that matches. Walking reads about
	 * {@code page / share} tickets, sorting reads all {@code matching} ones: walking wins once
	 * {@code matching² ≥ WALK_COST · page · total}, at a million tickets from about 1 % of them (a queue's closed
	 * tickets, the open ones), at ten thousand from about 10 %. The counts per queue and status tell exactly how many
	 * match a filter by queue and status. With other filters (the reader's own or no owner, priorities, a submitter)
	 * the share is unknown, but the count says whether more than {@link #COUNT_LIMIT} match, where sorting would read
	 * every match (the dashboard's unassigned open tickets: hundreds of thousands). Then the walk is bounded
	 * ({@link #walked}): how far down the order the matches lie is not known (the newest tickets may all be in one busy
	 * queue that is not the reader's). A date range on another column is tied to the order (ids, creation and change
	 * times rise together), and so may another person's tickets be (someone who left long ago): those are looked up.
	 * Only H2 needs telling: without statistics on how values are spread it picks the other plan and sorts
	 * tens of thousands of tickets for every page. PostgreSQL keeps such statistics and chooses well by itself, while
	 * conditions hidden from it look so rare that it would sort the whole table instead.
	 */
	private Plan plan(TicketQuery query, Account reader, int size, Total total) {
		if (!plannerGuessesSpread || !query.sort().indexed()) {
			return Plan.LOOK_UP;
		}
		boolean queueAndStatusOnly = query.priorities().isEmpty() && query.owner().kind() == OwnerFilter.Kind.ANYONE
				&& query.submitter() == null && query.keyword() == null && query.createdFrom() == null
				&& query.createdTo() == null && query.modifiedFrom() == null && query.modifiedTo() == null
				&& query.dueFrom() == null && query.dueTo() == null;
		if (!queueAndStatusOnly) {
			return total.capped() && query.owner().kind() != OwnerFilter.Kind.PERSON && !rangeBesideSort(query)
					? Plan.BOUNDED_WALK : Plan.LOOK_UP;
		}
		TicketCounts.Share share = counts.share(query.queues(), query.statuses(), reader);
		return (double) share.matching() * share.matching() >= (double) WALK_COST * (size + 1) * share.total()
				? Plan.WALK : Plan.LOOK_UP;
	}

	/**
	 * The ids of one page read in the sort column's order from {@code from} (where the page starts), looking at no more
	 * than {@link #walkAtMost} tickets: the inner query has nothing but the sort column to go by, so it reads that
	 * column's index and stops, and the filter picks the page out of what it read (no index serves a derived table).
	 * Empty when the page is not full and the walk was cut short: the matches lie further down the order than a walk
	 * should go (an owner's tickets that are all old, a queue of someone's that the newest tickets are not in), and
	 * the filter is looked up instead.
	 */
	private Optional<List<Long>> walked(TicketSort sort, boolean descending, TicketListSql from, TicketListSql filter,
			int limit) {
		String order = TicketSeek.orderBy(sort, descending);
		List<Long> ids = jdbc.sql("select t.id from (select " + WALKED_COLUMNS + " from ticket t" + from.where() + order
				+ " limit :walkAtMost) t" + filter.where() + order + " limit :limit")
			.params(from.params())
			.params(filter.params())
			.param("walkAtMost", walkAtMost)
			.param("limit", limit)
			.query(Long.class)
			.list();
		if (ids.size() >= limit) {
			return Optional.of(ids);
		}
		long walkedOver = jdbc.sql("select count(*) from (select 1 from ticket t" + from.where() + order
				+ " limit :walkAtMost) t")
			.params(from.params())
			.param("walkAtMost", walkAtMost)
			.query(Long.class)
			.single();
		return walkedOver < walkAtMost ? Optional.of(ids) : Optional.empty();
	}

	/** Whether the query limits a date other than the one it is sorted by. */
	private static boolean rangeBesideSort(TicketQuery query) {
		TicketSort sort = query.sort();
		return (sort != TicketSort.CREATED && (query.createdFrom() != null || query.createdTo() != null))
				|| (sort != TicketSort.MODIFIED && (query.modifiedFrom() != null || query.modifiedTo() != null))
				|| (sort != TicketSort.DUE && (query.dueFrom() != null || query.dueTo() != null));
	}

	/**
	 * The ids of one page, in order. Only the ticket table is read (joined to queue and account only when the sort
	 * needs their names), so with the covering indexes of V6 the database sorts index entries rather than whole
	 * ticket rows with their descriptions.
	 */
	private List<Long> pageIds(TicketSort sort, boolean descending, TicketListSql filter, int limit) {
		String from = sort.readsNames() ? TicketListSql.FROM : " from ticket t";
		return jdbc.sql("select t.id" + from + filter.where() + TicketSeek.orderBy(sort, descending) + " limit :limit")
			.params(filter.params())
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** The list rows of these tickets, in the order given. */
	private List<TicketRow> rows(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, TicketRow> byId = new HashMap<>();
		jdbc.sql(COLUMNS + TicketListSql.FROM + " where t.id in (:ids)")
			.param("ids", ids)
			.query(TicketSearch::row)
			.list()
			.forEach(row -> byId.put(row.id(), row));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static TicketPage page(List<TicketRow> rows, Total total, int number, int size, boolean hasPrevious,
			boolean hasNext) {
		Long next = hasNext && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null;
		Long previous = hasPrevious && !rows.isEmpty() ? rows.get(0).id() : null;
		return new TicketPage(List.copyOf(rows), total.count(), total.capped(),
				previous == null ? 1 : Math.max(number, 2), size, next, previous);
	}

	/**
	 * The sort value of the ticket a page continues from (wrapped, since it may be null). Empty when that ticket is
	 * gone or not visible to the reader: the list then starts again at the top.
	 */
	private Optional<Object[]> sortValue(TicketSort sort, long ticketId, Account reader) {
		TicketListSql visible = TicketListSql.visibleTo(reader);
		visible.addCondition("t.id = :cursor", Map.of("cursor", ticketId));
		return jdbc.sql("select " + sort.expression() + TicketListSql.FROM + visible.where())
			.params(visible.params())
			.query((rs, n) -> new Object[] { databaseValue(rs.getObject(1)) })
			.optional();
	}

	/** Timestamps go back into the query as UTC offsets, which both drivers bind as timestamp with time zone. */
	private static Object databaseValue(Object value) {
		return value instanceof Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC) : value;
	}

	private static TicketRow row(ResultSet rs, int n) throws SQLException {
		String username = rs.getString("username");
		String ownerName = username == null ? null
				: Account.displayName(username, rs.getString("first_name"), rs.getString("last_name"));
		return new TicketRow(rs.getLong("id"), TicketRef.of(rs.getString("slug"), rs.getLong("id")), rs.getString("title"),
				rs.getLong("queue_id"), rs.getString("queue_title"),
				TicketStatus.fromCode(rs.getString("status")).orElse(TicketStatus.OPEN), rs.getInt("priority"),
				rs.getBoolean("on_hold"), rs.getObject("assigned_to", Long.class),
				ownerName, Timestamps.fromDb(rs, "created"),
				Timestamps.fromDb(rs, "modified"), Timestamps.fromDb(rs, "due_date"));
	}
}
