package org.helpdesk.ticketlist;

import java.util.Locale;
import java.util.Optional;

import org.helpdesk.account.Account;

/**
 * The columns the ticket list sorts on. This enum is the whitelist: a sort parameter is looked up here and only the
 * SQL expression written below ever reaches a query, never the text someone typed.
 */
public enum TicketSort {

	ID("t.id", false), TITLE("lower(t.title)", false), QUEUE("lower(q.title)", false),
	// the workflow order reads better than the alphabet
	STATUS("case t.status when 'open' then 1 when 'reopened' then 2 when 'resolved' then 3 when 'closed' then 4 "
			+ "else 5 end", false),
	// as the list shows an owner: the full name, else the username; unassigned is null
	PRIORITY("t.priority", false), OWNER("lower(" + Account.displayNameSql("a") + ")", true),
	CREATED("t.created", false),
	MODIFIED("t.modified", false), DUE("t.due_date", true),
	/**
	 * Best match first, the newest first among equals: keyword searches only (see {@link KeywordSearch}); a query
	 * without a keyword sorts by {@link #CREATED} instead (see {@link TicketQuery}), so SQL never sees this one.
	 */
	RELEVANCE("t.created", false);

	private final String expression;

	private final boolean nullable;

	TicketSort(String expression, boolean nullable) {
		this.expression = expression;
		this.nullable = nullable;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	String expression() {
		return expression;
	}

	/** Whether an index on (this column, id) exists, which the database can read in sort order (see V5). */
	boolean indexed() {
		return this == ID || this == CREATED || this == MODIFIED || this == PRIORITY || this == DUE;
	}

	/** Whether the sort expression reads the queue's or the owner's name, which the ticket table does not hold. */
	boolean readsNames() {
		return this == QUEUE || this == OWNER;
	}

	/** Nullable columns need the "null sorts highest" rule spelled out in the seek condition. */
	boolean nullable() {
		return nullable;
	}

	public static Optional<TicketSort> fromCode(String code) {
		for (TicketSort sort : values()) {
			if (sort.code().equals(code)) {
				return Optional.of(sort);
			}
		}
		return Optional.empty();
	}
}
