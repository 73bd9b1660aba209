package org.helpdesk.ticketlist;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.account.Account;
import org.helpdesk.ticket.TicketStatus;

/**
 * The WHERE clause of a ticket-list query with its named parameters. Only fixed SQL text is appended; every value
 * a person chose is a bound parameter, so nothing from the URL is ever part of the statement.
 */
final class TicketListSql {

	static final String FROM = " from ticket t join queue q on q.id = t.queue_id left join account a on a.id = t.assigned_to";

	private final List<String> conditions = new ArrayList<>();

	/** See {@link #of(TicketQuery, Account, ZoneId, boolean)}. */
	private final boolean inSortOrder;

	private final Map<String, Object> params = new LinkedHashMap<>();

	private TicketListSql(boolean inSortOrder) {
		this.inSortOrder = inSortOrder;
	}

	/** No condition at all, for conditions added one by one. */
	static TicketListSql unfiltered() {
		return new TicketListSql(false);
	}

	/** Every ticket in the queues the reader may use. */
	static TicketListSql visibleTo(Account reader) {
		return visibleTo(reader, false);
	}

	private static TicketListSql visibleTo(Account reader, boolean inSortOrder) {
		TicketListSql sql = new TicketListSql(inSortOrder);
		sql.limitTo(reader);
		return sql;
	}

	/**
	 * The query's filters but its keyword (a keyword list is searched in the search index), limited to the queues
	 * the reader may use. With {@code inSortOrder} the queue, status and queue-access conditions are written so that no
	 * index can look them up. The database then has only the sort column's index to go by and reads the list in that
	 * order, stopping after one page: the right plan when most tickets match (the default "open and reopened" list of a
	 * busy helpdesk), which H2's planner would otherwise not choose. See {@link TicketSearch}.
	 */
	static TicketListSql of(TicketQuery query, Account reader, ZoneId zone, boolean inSortOrder) {
		TicketListSql sql = visibleTo(reader, inSortOrder);
		if (!query.queues().isEmpty()) {
			sql.add(sql.membership("t.queue_id", "queues"), "queues", List.copyOf(query.queues()));
		}
		if (query.statuses().size() < TicketStatus.values().length) {
			sql.add(sql.membership("t.status", "statuses"), "statuses",
					query.statuses().stream().map(TicketStatus::code).toList());
		}
		if (!query.priorities().isEmpty()) {
			// H2 2.4 pages wrongly through a priority list sorted by priority when its (reused) statement looks the
			// priorities up in the index it reads in that order (rows repeated and skipped): it only reads that index
			sql.add(sql.membership("t.priority", "priorities", query.sort() == TicketSort.PRIORITY), "priorities",
					List.copyOf(query.priorities()));
		}
		sql.owner(query.owner(), reader);
		if (query.submitter() != null) {
			// no index holds the address (H2 has none on lower(...)): the other conditions choose the tickets and this
			// one is checked on each, so on its own it reads every ticket of the reader's queues and statuses
			sql.add("lower(trim(t.submitter_email)) = :submitter", "submitter", query.submitter());
		}
		sql.range("t.created", "created", query.createdFrom(), query.createdTo(), zone);
		// ticket_list_by_modified (V5) serves a range on its own, as ticket_list_by_created does the created one
		sql.range("t.modified", "modified", query.modifiedFrom(), query.modifiedTo(), zone);
		sql.range("t.due_date", "due", query.dueFrom(), query.dueTo(), zone);
		return sql;
	}

	private void limitTo(Account reader) {
		if (reader == null || !reader.isStaff()) {
			conditions.add("1 = 0");
		}
		else if (!reader.usesEveryQueue() && reader.queueIds().isEmpty()) {
			conditions.add("1 = 0");
		}
		else if (!reader.usesEveryQueue()) {
			add(membership("t.queue_id", "visible"), "visible", List.copyOf(reader.queueIds()));
		}
	}

	private String membership(String column, String parameter) {
		return membership(column, parameter, inSortOrder);
	}

	/** {@code column in (:parameter)}, or with {@code hidden} the same written so that no index can look it up. */
	private static String membership(String column, String parameter, boolean hidden) {
		String in = column + " in (:" + parameter + ")";
		return hidden ? "(case when " + in + " then 1 else 0 end) = 1" : in;
	}

	private void owner(OwnerFilter owner, Account reader) {
		switch (owner.kind()) {
			case ME -> add("t.assigned_to = :owner", "owner", reader == null ? -1L : reader.id());
			case PERSON -> add("t.assigned_to = :owner", "owner", owner.personId());
			case UNASSIGNED -> conditions.add("t.assigned_to is null");
			case ANYONE -> {
			}
		}
	}

	private void range(String column, String name, LocalDate from, LocalDate to, ZoneId zone) {
		if (from != null) {
			add(column + " >= :" + name + "From", name + "From", startOf(from, zone));
		}
		if (to != null) {
			// the whole last day counts: everything before the next day starts
			add(column + " < :" + name + "To", name + "To", startOf(to.plusDays(1), zone));
		}
	}

	private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
	}

	private void add(String condition, String name, Object value) {
		conditions.add(condition);
		params.put(name, value);
	}

	void addCondition(String condition, Map<String, Object> values) {
		conditions.add(condition);
		params.putAll(values);
	}

	String where() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	Map<String, Object> params() {
		return params;
	}
}
