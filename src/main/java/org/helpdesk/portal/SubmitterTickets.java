package org.helpdesk.portal;

import java.util.List;

import org.helpdesk.core.Timestamps;
import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.TicketRef;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets looked up by the address that submitted them, for customers' own lists.
 */
@Repository
class SubmitterTickets {

	private final JdbcClient jdbc;

	SubmitterTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first; addresses compare case-insensitively, as mail systems treat them. */
	List<CustomerTicketSummary> bySubmitter(String email, int limit) {
		return jdbc.sql("""
				select t.id, q.slug, t.title, t.status, t.priority, t.created, t.modified, t.submitter_email, t.secret_key
				from ticket t join queue q on q.id = t.queue_id
				where lower(t.submitter_email) = lower(?) order by t.created desc, t.id desc limit ?""")
			.params(email.trim(), limit)
			.query((rs, n) -> {
				String ref = TicketRef.of(rs.getString("slug"), rs.getLong("id"));
				return new CustomerTicketSummary(ref, rs.getString("title"),
						TicketStatus.fromCode(rs.getString("status")).orElseThrow(), rs.getInt("priority"),
						Timestamps.fromDb(rs, "created"), Timestamps.fromDb(rs, "modified"),
						new CustomerAccess(ref, rs.getString("submitter_email"), rs.getString("secret_key")));
			})
			.list();
	}
}
