package org.helpdesk.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class Queues {

	private static final String COLUMNS = "id, title, slug, email_address, new_ticket_cc, updated_ticket_cc, "
			+ "escalate_days, allow_public_submission, allow_email_submission, default_owner_id, locale, "
			+ "email_box_type, email_box_host, email_box_port, email_box_ssl, email_box_user, email_box_imap_folder, "
			+ "email_box_local_dir, email_box_interval";

	private static final String SELECT = "select " + COLUMNS + ", email_box_pass is not null as email_box_pass_set ";

	private final JdbcClient jdbc;

	Queues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Queue> findById(long id) {
		return jdbc.sql(SELECT + "from queue where id = ?").param(id).query(Queues::map).optional();
	}

	Optional<Queue> findBySlug(String slug) {
		return jdbc.sql(SELECT + "from queue where slug = ?").param(slug).query(Queues::map).optional();
	}

	List<Queue> findAll() {
		return jdbc.sql(SELECT + "from queue order by title, id").query(Queues::map).list();
	}

	boolean slugTaken(String slug, long exceptId) {
		return jdbc.sql("select count(*) from queue where slug = ? and id <> ?").params(slug, exceptId)
			.query(Long.class).single() > 0;
	}

	List<Long> existing(Collection<Long> ids) {
		return jdbc.sql("select id from queue where id in (:ids)").param("ids", ids).query(Long.class).list();
	}

	long insert(Queue q) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into queue (" + COLUMNS.substring(4) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?, ?)")
			.params(q.title(), q.slug(), q.emailAddress(), q.newTicketCc(), q.updatedTicketCc(), q.escalateDays(),
					q.allowPublicSubmission(), q.allowEmailSubmission(), q.defaultOwnerId(), q.locale(),
					q.mailbox().type().wireName(), q.mailbox().host(), q.mailbox().port(), q.mailbox().ssl(),
					q.mailbox().user(), q.mailbox().imapFolder(), q.mailbox().localDir(), q.mailbox().intervalSeconds())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(Queue q) {
		jdbc.sql("""
				update queue set title = ?, slug = ?, email_address = ?, new_ticket_cc = ?, updated_ticket_cc = ?,
				  escalate_days = ?, allow_public_submission = ?, allow_email_submission = ?, default_owner_id = ?,
				  locale = ?, email_box_type = ?, email_box_host = ?, email_box_port = ?, email_box_ssl = ?,
				  email_box_user = ?, email_box_imap_folder = ?, email_box_local_dir = ?, email_box_interval = ?
				where id = ?""")
			.params(q.title(), q.slug(), q.emailAddress(), q.newTicketCc(), q.updatedTicketCc(), q.escalateDays(),
					q.allowPublicSubmission(), q.allowEmailSubmission(), q.defaultOwnerId(), q.locale(),
					q.mailbox().type().wireName(), q.mailbox().host(), q.mailbox().port(), q.mailbox().ssl(),
					q.mailbox().user(), q.mailbox().imapFolder(), q.mailbox().localDir(), q.mailbox().intervalSeconds(),
					q.id())
			.update();
	}

	void setMailboxPassword(long id, String sealed) {
		jdbc.sql("update queue set email_box_pass = ? where id = ?").params(sealed, id).update();
	}

	Optional<String> mailboxPassword(long id) {
		return jdbc.sql("select email_box_pass from queue where id = ? and email_box_pass is not null").param(id)
			.query(String.class).optional();
	}

	void delete(long id) {
		jdbc.sql("delete from queue where id = ?").param(id).update();
	}

	private static Queue map(ResultSet rs, int row) throws SQLException {
		return new Queue(rs.getLong("id"), rs.getString("title"), rs.getString("slug"), rs.getString("email_address"),
				rs.getString("new_ticket_cc"), rs.getString("updated_ticket_cc"),
				(Integer) rs.getObject("escalate_days", Integer.class), rs.getBoolean("allow_public_submission"),
				rs.getBoolean("allow_email_submission"), (Long) rs.getObject("default_owner_id", Long.class),
				rs.getString("locale"), mailbox(rs));
	}

	private static Mailbox mailbox(ResultSet rs) throws SQLException {
		return new Mailbox(MailboxType.parse(rs.getString("email_box_type")).orElse(MailboxType.NONE),
				rs.getString("email_box_host"), (Integer) rs.getObject("email_box_port", Integer.class),
				rs.getBoolean("email_box_ssl"), rs.getString("email_box_user"), rs.getBoolean("email_box_pass_set"),
				rs.getString("email_box_imap_folder"), rs.getString("email_box_local_dir"),
				rs.getInt("email_box_interval"));
	}
}
