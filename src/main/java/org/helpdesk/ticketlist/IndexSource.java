package org.helpdesk.ticketlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpdesk.core.Timestamps;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads tickets as the search index holds them ({@link IndexedTicket}), many at a time: the tickets a batch of the
 * change log touched (one read for the batch), or the next tickets in id order for a rebuild. A queue's language is
 * read with its tickets; a queue that changes its language stems its tickets the new way from their next change on,
 * and all of them after a rebuild.
 */
@Repository
class IndexSource {

	private static final String COLUMNS = "select t.id, t.queue_id, t.title, t.description, t.submitter_email,"
			+ " t.assigned_to, t.status, t.priority, t.created, t.modified, t.due_date, t.merged_to, q.locale"
			+ " from ticket t join queue q on q.id = t.queue_id";

	private final JdbcClient jdbc;

	IndexSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A ticket as it is now, and the ticket it was merged into, if any. */
	private record Read(IndexedTicket ticket, Long mergedInto) {
	}

	/**
	 * These tickets as they are now, by id; a ticket that no longer exists is absent. The tickets some of them were
	 * merged into come along, since their follow-ups moved there.
	 */
	Map<Long, IndexedTicket> current(Collection<Long> ids) {
		Map<Long, IndexedTicket> found = new LinkedHashMap<>();
		Set<Long> wanted = new LinkedHashSet<>(ids);
		for (int round = 0; round < 2 && !wanted.isEmpty(); round++) {
			Set<Long> targets = new LinkedHashSet<>();
			for (Read read : read(COLUMNS + " where t.id in (:ids)", Map.of("ids", List.copyOf(wanted)),
					"ticket_id in (:ids)")) {
				found.put(read.ticket().id(), read.ticket());
				if (read.mergedInto() != null && !found.containsKey(read.mergedInto()) && !ids.contains(read.mergedInto())) {
					targets.add(read.mergedInto());
				}
			}
			wanted = targets;
		}
		return found;
	}

	/** The next {@code limit} tickets after the given id, in id order. */
	List<IndexedTicket> after(long afterId, int limit) {
		List<Read> reads = read(COLUMNS + " where t.id > :after order by t.id limit :limit",
				Map.of("after", afterId, "limit", limit), "ticket_id > :after and ticket_id <= :last");
		return reads.stream().map(Read::ticket).toList();
	}

	/**
	 * The tickets the statement finds, with the comments of their follow-ups (in the order they were written), read
	 * by {@code followUps}, a condition on {@code ticket_id} that may use the statement's parameters and
	 * {@code :last}, the highest ticket id found.
	 */
	private List<Read> read(String tickets, Map<String, Object> params, String followUps) {
		List<Read> reads = jdbc.sql(tickets).params(params).query(IndexSource::row).list();
		if (reads.isEmpty()) {
			return List.of();
		}
		Map<String, Object> all = new HashMap<>(params);
		all.put("last", reads.get(reads.size() - 1).ticket().id());
		Map<Long, List<String>> comments = new HashMap<>();
		jdbc.sql("select ticket_id, comment from followup where " + followUps
				+ " and comment is not null order by ticket_id, id")
			.params(all)
			.query(rs -> {
				comments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
			});
		return reads.stream()
			.map(r -> new Read(r.ticket().withComments(comments.getOrDefault(r.ticket().id(), List.of())),
					r.mergedInto()))
			.toList();
	}

	private static Read row(ResultSet rs, int n) throws SQLException {
		IndexedTicket ticket = new IndexedTicket(rs.getLong("id"), rs.getLong("queue_id"), rs.getString("title"),
				rs.getString("description"), List.of(), rs.getString("submitter_email"),
				rs.getObject("assigned_to", Long.class),
				TicketStatus.fromCode(rs.getString("status")).orElse(TicketStatus.OPEN), rs.getInt("priority"),
				Timestamps.fromDb(rs, "created"), Timestamps.fromDb(rs, "modified"), Timestamps.fromDb(rs, "due_date"),
				SearchAnalysis.Language.ofQueue(rs.getString("locale")));
		return new Read(ticket, rs.getObject("merged_to", Long.class));
	}
}
