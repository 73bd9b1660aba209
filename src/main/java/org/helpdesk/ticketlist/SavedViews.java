package org.helpdesk.ticketlist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket-list filters people keep under a name: private ones for themselves, shared ones for every agent. What a
 * view shows is still limited by the reader's own queues, so sharing a view never shares access.
 */
@Service
@Transactional
public class SavedViews {

	static final int MAX_TITLE = 100;

	private static final String SELECT = "select v.id, v.owner_id, " + Account.displayNameSql("a")
			+ " as owner_name, v.title, v.shared, v.query from saved_view v join account a on a.id = v.owner_id";

	private final JdbcClient jdbc;

	SavedViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reader's own views and those others shared, by title. */
	@Transactional(readOnly = true)
	public List<SavedView> available(Account reader) {
		return jdbc.sql(SELECT + " where v.owner_id = :me or v.shared = true order by lower(v.title), v.id")
			.param("me", reader.id())
			.query(SavedViews::map)
			.list();
	}

	/** A view the reader owns or that was shared; empty otherwise, alike for "missing" and "not yours". */
	@Transactional(readOnly = true)
	public Optional<SavedView> find(long id, Account reader) {
		return jdbc.sql(SELECT + " where v.id = :id and (v.owner_id = :me or v.shared = true)")
			.param("id", id)
			.param("me", reader.id())
			.query(SavedViews::map)
			.optional();
	}

	/** Saves the query under a title and returns the new view's id. */
	public long save(String title, boolean shared, TicketQuery query, Account owner) {
		List<FieldProblem> problems = new ArrayList<>();
		if (Input.isBlank(title)) {
			problems.add(new FieldProblem("title", "is required"));
		}
		else {
			FieldProblem problem = Input.checkText("title", title.strip(), MAX_TITLE, false);
			if (problem != null) {
				problems.add(problem);
			}
		}
		String text = query.toQueryString();
		if (text.length() > 2000) {
			problems.add(new FieldProblem("query", "is too long to save"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into saved_view (owner_id, title, shared, query) values (:owner, :title, :shared, :query)")
			.param("owner", owner.id())
			.param("title", title.strip())
			.param("shared", shared)
			.param("query", text)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Deletes one of the reader's own views; false when there is no such view of theirs. */
	public boolean delete(long id, Account owner) {
		return jdbc.sql("delete from saved_view where id = :id and owner_id = :me")
			.param("id", id)
			.param("me", owner.id())
			.update() > 0;
	}

	private static SavedView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new SavedView(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("owner_name"),
				rs.getString("title"), rs.getBoolean("shared"), rs.getString("query"));
	}
}
