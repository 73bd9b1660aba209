package org.helpdesk.ticket;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.account.Account;

/**
 * The WHERE clause of a ticket-list query with its named parameters. Only fixed SQL text is appended; every value
 * a person chose is a bound parameter, so nothing from the URL is ever part of the statement.
 */
final class TicketListSql {

	static final String FROM = " from ticket t join queue q on q.id = t.queue_id left join account a on a.id = t.assigned_to";

	/** A keyword that looks like a ticket reference ({@code 42}, {@code #42}, {@code it-42}) also finds that id. */
	private static final Pattern REFERENCE = Pattern.compile("^#?(?:[A-Za-z0-9_-]+-)?(\\d{1,18})$");

	private final List<String> conditions = new ArrayList<>();

	private final Map<String, Object> params = new LinkedHashMap<>();

	private TicketListSql() {
	}

	/** Every ticket in the queues the reader may use. */
	static TicketListSql visibleTo(Account reader) {
		TicketListSql sql = new TicketListSql();
		sql.limitTo(reader);
		return sql;
	}

	/** The query's filters, limited to the queues the reader may use. */
	static TicketListSql of(TicketQuery query, Account reader, ZoneId zone) {
		TicketListSql sql = visibleTo(reader);
		if (!query.queues().isEmpty()) {
			sql.add("t.queue_id in (:queues)", "queues", List.copyOf(query.queues()));
		}
		if (query.statuses().size() < TicketStatus.values().length) {
			sql.add("t.status in (:statuses)", "statuses", query.statuses().stream().map(TicketStatus::code).toList());
		}
		if (!query.priorities().isEmpty()) {
			sql.add("t.priority in (:priorities)", "priorities", List.copyOf(query.priorities()));
		}
		sql.owner(query.owner(), reader);
		if (query.keyword() != null) {
			sql.keyword(query.keyword());
		}
		sql.range("t.created", "created", query.createdFrom(), query.createdTo(), zone);
		sql.range("t.due_date", "due", query.dueFrom(), query.dueTo(), zone);
		return sql;
	}

	private void limitTo(Account reader) {
		if (reader == null || !reader.isStaff()) {
			conditions.add("1 = 0");
		}
		else if (!reader.isAdmin() && !reader.queueIds().isEmpty()) {
			add("t.queue_id in (:visible)", "visible", List.copyOf(reader.queueIds()));
		}
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

	private void keyword(String keyword) {
		params.put("keyword", "%" + escapeLike(keyword) + "%");
		String match = "(lower(t.title) like lower(:keyword) escape '!' or lower(t.description) like lower(:keyword) escape '!'"
				+ " or exists (select 1 from followup f where f.ticket_id = t.id"
				+ " and lower(f.comment) like lower(:keyword) escape '!')";
		Matcher reference = REFERENCE.matcher(keyword);
		if (reference.matches()) {
			params.put("keywordId", Long.parseLong(reference.group(1)));
			match += " or t.id = :keywordId";
		}
		conditions.add(match + ")");
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

	/** {@code %}, {@code _} and the escape character itself match literally. */
	static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
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
