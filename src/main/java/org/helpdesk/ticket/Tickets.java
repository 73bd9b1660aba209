package org.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.attachment.StoredFile;
import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Ticket rows and everything that hangs off them.
 */
@Repository
class Tickets {

	private static final String COLUMNS = "t.id, t.queue_id, t.title, t.description, t.resolution, t.resolution_public, "
			+ "t.submitter_email, t.assigned_to, t.status, t.priority, t.on_hold, t.due_date, t.created, t.modified, "
			+ "t.secret_key, t.version, t.merged_to, t.last_escalation, t.last_escalation_notice";

	private final JdbcClient jdbc;

	private final ChangeLog log;

	private final QueueStatusCounts counts;

	Tickets(JdbcClient jdbc, ChangeLog log, QueueStatusCounts counts) {
		this.jdbc = jdbc;
		this.log = log;
		this.counts = counts;
	}

	/** Loads a ticket and locks its row until the transaction ends, so writers to one ticket take turns. */
	Optional<Ticket> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from ticket t where t.id = ? for update").param(id)
			.query(Tickets::map).optional();
	}

	Optional<TicketDetails> details(long id) {
		return jdbc.sql("select " + COLUMNS + ", q.slug from ticket t join queue q on q.id = t.queue_id where t.id = ?")
			.param(id)
			.query((rs, n) -> {
				Ticket t = map(rs, n);
				TicketState s = t.state();
				return new TicketDetails(t.id(), TicketRef.of(rs.getString("slug"), t.id()), s.queueId(), s.title(),
						s.description(), s.resolution(), s.submitterEmail(), s.ownerId(), s.status(), s.priority(),
						s.onHold(), s.dueDate(), t.created(), t.modified(), t.secretKey(), ccEmails(t.id()),
						s.resolutionPublic(), t.version());
			})
			.optional();
	}

	long insert(Ticket t) {
		var keys = new GeneratedKeyHolder();
		TicketState s = t.state();
		jdbc.sql("""
				insert into ticket (queue_id, title, description, submitter_email, assigned_to, status, priority,
				  on_hold, due_date, created, modified, secret_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.queueId(), s.title(), s.description(), s.submitterEmail(), s.ownerId(), s.status().code(),
					s.priority(), s.onHold(), Timestamps.toDb(s.dueDate()), Timestamps.toDb(t.created()),
					Timestamps.toDb(t.modified()), t.secretKey())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		counts.added(id, new QueueStatusCounts.Place(s.queueId(), s.status()));
		return id;
	}

	/**
	 * Writes the aggregate back, only over the version it was read at: a write that finds another version (someone
	 * saved in between, past the row lock) is refused rather than overwriting theirs.
	 */
	private void save(Ticket t) {
		TicketState s = t.state();
		Optional<QueueStatusCounts.Place> before = counts.placeOf(t.id());
		int saved = jdbc.sql("""
				update ticket set queue_id = ?, title = ?, description = ?, resolution = ?, resolution_public = ?,
				  submitter_email = ?, assigned_to = ?, status = ?, priority = ?, on_hold = ?, due_date = ?, merged_to = ?, modified = ?,
				  version = version + 1
				where id = ? and version = ?""")
			.params(s.queueId(), s.title(), s.description(), s.resolution(), s.resolutionPublic(), s.submitterEmail(),
					s.ownerId(), s.status().code(), s.priority(), s.onHold(), Timestamps.toDb(s.dueDate()), s.mergedTo(),
					Timestamps.toDb(t.modified()), t.id(), t.version())
			.update();
		if (saved != 1) {
			throw new TicketChangedConcurrently();
		}
		counts.moved(t.id(), before.orElseThrow(), new QueueStatusCounts.Place(s.queueId(), s.status()));
	}

	/** When the ticket was last escalated and last noticed as due; apart from {@link #save}, which bumps the version. */
	void saveEscalation(Ticket t) {
		EscalationMarks marks = t.escalation();
		jdbc.sql("update ticket set last_escalation = ?, last_escalation_notice = ? where id = ?")
			.params(Timestamps.toDb(marks.lastEscalation().orElse(null)), Timestamps.toDb(marks.lastNotice().orElse(null)),
					t.id())
			.update();
	}

	/**
	 * The tickets of a queue that may be due for escalation, oldest first; {@link Ticket#escalate} decides on each
	 * one again with its row locked. For notify-only runs, those not noticed since {@code waitingSince} either.
	 */
	List<Long> dueForEscalation(long queueId, Instant waitingSince, boolean notice) {
		return jdbc.sql("""
				select id from ticket where queue_id = ? and status in ('open', 'reopened') and on_hold = false
				  and priority > 1 and coalesce(last_escalation, created) <= ?
				  and (? = false or last_escalation_notice is null or last_escalation_notice <= ?)
				order by id""")
			.params(queueId, Timestamps.toDb(waitingSince), notice, Timestamps.toDb(waitingSince))
			.query(Long.class).list();
	}

	/**
	 * Writes the aggregate back (see {@link #save}) with the follow-up that describes the change, and logs what
	 * changed: the fields that differ from the state the ticket was read in, then the follow-up.
	 */
	long save(Ticket t, FollowUpDraft f) {
		return save(t, f, null);
	}

	/** {@link #save(Ticket, FollowUpDraft)} for a follow-up that a mail made, with the mail's Message-ID. */
	long saveFromMail(Ticket t, FollowUpDraft f, String messageId) {
		return save(t, f, messageId);
	}

	private long save(Ticket t, FollowUpDraft f, String messageId) {
		save(t);
		return insertFollowUp(t.id(), f, null, messageId, t);
	}

	/**
	 * The first follow-up of a new ticket (the one the ticket was {@link #insert inserted} as), which logs the
	 * ticket's creation.
	 */
	long insertOpeningFollowUp(long ticketId, Ticket ticket, FollowUpDraft f) {
		return insertFollowUp(ticketId, f, ticket, null);
	}

	/** The first follow-up of a ticket a mail opened, with the mail's Message-ID; see {@link #insertOpeningFollowUp}. */
	long insertMailOpening(long ticketId, Ticket ticket, FollowUpDraft f, String messageId) {
		return insertFollowUp(ticketId, f, ticket, messageId);
	}

	private long insertFollowUp(long ticketId, FollowUpDraft f, Ticket opened, String messageId) {
		return insertFollowUp(ticketId, f, opened, messageId, null);
	}

	/**
	 * {@code opened}: the ticket this follow-up opens; null for any later follow-up. {@code saved}: the ticket whose
	 * change the follow-up describes, whose state differs from the state it was read in by what the log records.
	 */
	private long insertFollowUp(long ticketId, FollowUpDraft f, Ticket opened, String messageId, Ticket saved) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into followup (ticket_id, date, title, comment, public, user_id, new_status, time_spent_seconds,
				  message_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ticketId, Timestamps.toDb(f.date()), f.title(), f.comment(), f.isPublic(), f.userId(),
					f.newStatus() == null ? null : f.newStatus().code(),
					f.timeSpent() == null ? null : f.timeSpent().toSeconds(), messageId)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		if (opened != null) {
			log.created(ticketId, opened, f.userId(), id);
		}
		else {
			if (saved != null) {
				log.updated(ticketId, saved.loaded(), saved.state(), f.userId(), id, f.date());
			}
			log.followUp(ticketId, id, f);
		}
		for (FieldChange change : f.changes()) {
			jdbc.sql("insert into ticket_change (followup_id, field, old_value, new_value) values (?, ?, ?, ?)")
				.params(id, change.field(), change.oldValue(), change.newValue())
				.update();
		}
		return id;
	}

	void insertAttachment(long followUpId, StoredFile file) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into attachment (followup_id, filename, mime_type, size, storage_key) values (?, ?, ?, ?, ?)")
			.params(followUpId, file.filename(), file.mimeType(), file.size(), file.key())
			.update(keys, "id");
		log.attachment(followUpId, keys.getKeyAs(Number.class).longValue(), file);
	}

	List<String> attachmentKeys(long ticketId) {
		return jdbc.sql("""
				select a.storage_key from attachment a join followup f on f.id = a.followup_id where f.ticket_id = ?""")
			.param(ticketId).query(String.class).list();
	}

	Optional<AttachmentFile> attachment(long ticketId, long attachmentId) {
		return jdbc.sql("""
				select a.storage_key, a.filename, a.mime_type, a.size from attachment a
				join followup f on f.id = a.followup_id where f.ticket_id = ? and a.id = ?""")
			.params(ticketId, attachmentId)
			.query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.optional();
	}

	void delete(long id, Long actorId) {
		log.deleted(id, actorId);
		// followups, their changes and attachments, and CCs go with the ticket (on delete cascade)
		Optional<QueueStatusCounts.Place> place = counts.placeOf(id);
		jdbc.sql("update ticket set merged_to = null where merged_to = ?").param(id).update();
		jdbc.sql("delete from ticket where id = ?").param(id).update();
		place.ifPresent(p -> counts.removed(id, p));
	}

	boolean hasActiveDependencies(long ticketId) {
		return jdbc.sql("""
				select count(*) from ticket_dependency d join ticket t on t.id = d.depends_on_id
				where d.ticket_id = ? and t.status in ('open', 'reopened')""")
			.param(ticketId).query(Long.class).single() > 0;
	}

	void insertDependency(long ticketId, long dependsOnId, Long actorId) {
		jdbc.sql("insert into ticket_dependency (ticket_id, depends_on_id) values (?, ?)").params(ticketId, dependsOnId)
			.update();
		log.dependency(ticketId, dependsOnId, true, actorId);
	}

	boolean dependsOn(long ticketId, long dependsOnId) {
		return jdbc.sql("select count(*) from ticket_dependency where ticket_id = ? and depends_on_id = ?")
			.params(ticketId, dependsOnId).query(Long.class).single() > 0;
	}

	void deleteDependency(long ticketId, long dependsOnId, Long actorId) {
		int removed = jdbc.sql("delete from ticket_dependency where ticket_id = ? and depends_on_id = ?")
			.params(ticketId, dependsOnId)
			.update();
		if (removed > 0) {
			log.dependency(ticketId, dependsOnId, false, actorId);
		}
	}

	List<Long> dependencies(long ticketId) {
		return jdbc.sql("select depends_on_id from ticket_dependency where ticket_id = ? order by depends_on_id")
			.param(ticketId).query(Long.class).list();
	}

	/** Moves the follow-ups of one ticket onto another, marking where they came from. */
	void moveFollowUps(long fromTicketId, long toTicketId, String titlePrefix, Long actorId) {
		log.merged(fromTicketId, toTicketId, actorId);
		jdbc.sql("""
				update followup set ticket_id = ?, title = substring(? || coalesce(title, ''), 1, 200)
				where ticket_id = ?""")
			.params(toTicketId, titlePrefix, fromTicketId).update();
	}

	/** The ticket of the newest follow-up that a mail with this Message-ID made (follow-ups move with a merge). */
	Optional<Long> ticketOfMessageId(String messageId) {
		return jdbc.sql("select ticket_id from followup where message_id = ? order by id desc limit 1")
			.param(messageId).query(Long.class).optional();
	}

	/** The ticket this one was merged into, if it was. */
	Optional<Long> mergedTo(long ticketId) {
		return jdbc.sql("select merged_to from ticket where id = ? and merged_to is not null").param(ticketId)
			.query(Long.class).optional();
	}

	List<String> ccEmails(long ticketId) {
		return jdbc.sql("""
				select coalesce(a.email, c.email) from ticket_cc c left join account a on a.id = c.account_id
				where c.ticket_id = ? order by c.id""")
			.param(ticketId).query(String.class).list().stream().filter(e -> e != null && !e.isBlank()).toList();
	}

	boolean hasCc(long ticketId, String email) {
		return jdbc.sql("select count(*) from ticket_cc where ticket_id = ? and lower(email) = lower(?)")
			.params(ticketId, email).query(Long.class).single() > 0;
	}

	/** Removes the address, whether it was typed in or belongs to an account. */
	void deleteCc(long ticketId, String email, Long actorId) {
		int removed = jdbc.sql("""
				delete from ticket_cc where ticket_id = ? and (lower(email) = lower(?)
				  or account_id in (select id from account where lower(email) = lower(?)))""")
			.params(ticketId, email, email)
			.update();
		if (removed > 0) {
			log.cc(ticketId, email, false, actorId);
		}
	}

	void insertCc(long ticketId, String email, Long actorId) {
		jdbc.sql("insert into ticket_cc (ticket_id, email, can_view, can_update) values (?, ?, true, false)")
			.params(ticketId, email).update();
		log.cc(ticketId, email, true, actorId);
	}

	List<FollowUpView> followUps(long ticketId) {
		Map<Long, List<FieldChange>> changes = new HashMap<>();
		jdbc.sql("""
				select c.followup_id, c.field, c.old_value, c.new_value from ticket_change c
				join followup f on f.id = c.followup_id where f.ticket_id = ? order by c.id""")
			.param(ticketId)
			.query(rs -> {
				changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new FieldChange(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		Map<Long, List<AttachmentView>> files = new HashMap<>();
		Map<Long, Long> originals = new HashMap<>();
		jdbc.sql("""
				select a.followup_id, a.id, a.filename, a.mime_type, a.size, f.message_id from attachment a
				join followup f on f.id = a.followup_id where f.ticket_id = ? order by a.id""")
			.param(ticketId)
			.query(rs -> {
				files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new AttachmentView(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
				// the parser puts the HTML body first: a file of the same name the sender attached comes later
				if (rs.getString(6) != null && TicketMail.ORIGINAL_HTML_NAME.equals(rs.getString(3))) {
					originals.putIfAbsent(rs.getLong(1), rs.getLong(2));
				}
			});
		return jdbc.sql("""
				select f.id, f.ticket_id, f.date, f.title, f.comment, f.public, f.user_id, u.username, f.new_status
				from followup f left join account u on u.id = f.user_id where f.ticket_id = ? order by f.date, f.id""")
			.param(ticketId)
			.query((rs, n) -> followUp(rs, changes, files, originals))
			.list();
	}

	Optional<FollowUpView> followUp(long followUpId) {
		return jdbc.sql("""
				select f.id, f.ticket_id, f.date, f.title, f.comment, f.public, f.user_id, u.username, f.new_status
				from followup f left join account u on u.id = f.user_id where f.id = ?""")
			.param(followUpId)
			.query((rs, n) -> followUp(rs, Map.of(), Map.of(), Map.of()))
			.optional();
	}

	private static FollowUpView followUp(ResultSet rs, Map<Long, List<FieldChange>> changes,
			Map<Long, List<AttachmentView>> files, Map<Long, Long> originals) throws SQLException {
		long id = rs.getLong("id");
		return new FollowUpView(id, rs.getLong("ticket_id"), Timestamps.fromDb(rs, "date"), rs.getString("title"),
				rs.getString("comment"), rs.getBoolean("public"), (Long) rs.getObject("user_id", Long.class),
				rs.getString("username"), TicketStatus.fromCode(rs.getString("new_status")).orElse(null),
				changes.getOrDefault(id, List.of()), files.getOrDefault(id, List.of()), originals.get(id));
	}

	private static Ticket map(ResultSet rs, int row) throws SQLException {
		var state = new TicketState(rs.getLong("queue_id"), rs.getString("title"), rs.getString("description"),
				rs.getString("resolution"), rs.getBoolean("resolution_public"), rs.getString("submitter_email"),
				(Long) rs.getObject("assigned_to", Long.class), TicketStatus.fromCode(rs.getString("status")).orElseThrow(),
				rs.getInt("priority"), rs.getBoolean("on_hold"), Timestamps.fromDb(rs, "due_date"),
				(Long) rs.getObject("merged_to", Long.class));
		return new Ticket(rs.getLong("id"), state, Timestamps.fromDb(rs, "created"), Timestamps.fromDb(rs, "modified"),
				rs.getString("secret_key"), rs.getInt("version"),
				EscalationMarks.of(Timestamps.fromDb(rs, "last_escalation"), Timestamps.fromDb(rs, "last_escalation_notice")));
	}
}
