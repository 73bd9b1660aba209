package org.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.core.Timestamps;
import org.helpdesk.queue.QueueManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket list and the dashboard's numbers, always limited to the queues the reader may use. Pages are found by
 * seeking from a ticket id (see {@link TicketSeek}); the total is counted separately so people see how many
 * tickets match.
 */
@Service
@Transactional(readOnly = true)
public class TicketSearch {

	private static final String COLUMNS = "select t.id, t.title, t.queue_id, q.title as queue_title, q.slug, t.status,"
			+ " t.priority, t.on_hold, t.assigned_to, a.username, a.first_name, a.last_name, t.created, t.modified,"
			+ " t.due_date";

	private static final int MAX_PAGE = 100;

	private final JdbcClient jdbc;

	private final QueueManagement queues;

	TicketSearch(JdbcClient jdbc, QueueManagement queues) {
		this.jdbc = jdbc;
		this.queues = queues;
	}

	/** The page of tickets matching the query at the given position, as the reader may see them. */
	public TicketPage search(TicketQuery query, TicketPage.Position position, Account reader, ZoneId zone) {
		int size = Math.min(Math.max(query.pageSize(), 1), MAX_PAGE);
		TicketListSql filter = TicketListSql.of(query, reader, zone);
		long total = jdbc.sql("select count(*) from ticket t" + filter.where()).params(filter.params())
			.query(Long.class).single();
		Long cursor = position.after() != null ? position.after() : position.before();
		boolean backwards = position.after() == null && position.before() != null;
		Optional<Object[]> seek = cursor == null ? Optional.empty() : sortValue(query.sort(), cursor, reader);
		boolean descending = query.descending() != (backwards && seek.isPresent());
		seek.ifPresent(v -> {
			Map<String, Object> params = new HashMap<>();
			filter.addCondition(TicketSeek.after(query.sort(), descending, v[0], cursor, params), params);
		});
		List<TicketRow> rows = new ArrayList<>(jdbc.sql(COLUMNS + TicketListSql.FROM + filter.where()
				+ TicketSeek.orderBy(query.sort(), descending) + " limit :limit")
			.params(filter.params())
			.param("limit", size + 1)
			.query(TicketSearch::row)
			.list());
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

	/** Per visible queue (by title), the number of tickets in each status. */
	public List<QueueCounts> counts(Account reader) {
		Map<Long, Map<TicketStatus, Long>> counted = new HashMap<>();
		TicketListSql filter = TicketListSql.visibleTo(reader);
		jdbc.sql("select t.queue_id, t.status, count(*) from ticket t" + filter.where() + " group by t.queue_id, t.status")
			.params(filter.params())
			.query(rs -> {
				counted.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TicketStatus.class))
					.put(TicketStatus.fromCode(rs.getString(2)).orElse(TicketStatus.OPEN), rs.getLong(3));
			});
		return queues.list().stream()
			.filter(q -> reader != null && reader.canAccessQueue(q.id()))
			.map(q -> new QueueCounts(q.id(), q.title(), counted.getOrDefault(q.id(), Map.of())))
			.toList();
	}

	private static TicketPage page(List<TicketRow> rows, long total, int number, int size, boolean hasPrevious,
			boolean hasNext) {
		Long next = hasNext && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null;
		Long previous = hasPrevious && !rows.isEmpty() ? rows.get(0).id() : null;
		return new TicketPage(List.copyOf(rows), total, previous == null ? 1 : Math.max(number, 2), size, next,
				previous);
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
		String fullName = username == null ? null
				: (rs.getString("first_name") + " " + rs.getString("last_name")).trim();
		return new TicketRow(rs.getLong("id"), rs.getString("slug") + "-" + rs.getLong("id"), rs.getString("title"),
				rs.getLong("queue_id"), rs.getString("queue_title"),
				TicketStatus.fromCode(rs.getString("status")).orElse(TicketStatus.OPEN), rs.getInt("priority"),
				rs.getBoolean("on_hold"), rs.getObject("assigned_to", Long.class),
				fullName == null ? null : fullName.isEmpty() ? username : fullName, Timestamps.fromDb(rs, "created"),
				Timestamps.fromDb(rs, "modified"), Timestamps.fromDb(rs, "due_date"));
	}
}
