package org.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.helpdesk.attachment.StoredFile;
import org.helpdesk.core.AfterCommit;
import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ordered log of every change to tickets, which search, the change feed and webhooks read by position.
 * <p>
 * {@link Tickets}, through which every ticket write passes, writes one row per change in the transaction of the
 * change, without a position. After the commit, {@link ChangeLogSequencer} gives committed rows their positions in
 * batches, one sequencer at a time across all nodes. Positions therefore rise in the order the sequencer saw the
 * commits, and a transaction that commits late gets a position above everything a reader has already read: nothing
 * slips in behind a reader. Changes to one ticket keep their order, since writers of a ticket take turns on its row
 * lock and the sequencer orders each batch by write id.
 */
@Service
public class ChangeLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChangeLogSequencer sequencer;

	ChangeLog(JdbcClient jdbc, Clock clock, ChangeLogSequencer sequencer) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sequencer = sequencer;
	}

	private static final String COLUMNS = "select position, ticket_id, queue_id, kind, actor_id, followup_id, occurred,"
			+ " fields from ticket_log";

	/** Sequenced changes after {@code position}, in log order, at most {@code limit}. */
	public List<LoggedChange> after(long position, int limit) {
		return jdbc.sql(COLUMNS + " where position > ? order by position limit ?")
			.params(position, limit)
			.query(ChangeLog::change)
			.list();
	}

	/** {@link #after(long, int)}, only the changes of tickets in these queues. */
	public List<LoggedChange> after(long position, int limit, Collection<Long> queueIds) {
		if (queueIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where position > :position and queue_id in (:queues) order by position limit :limit")
			.param("position", position)
			.param("queues", queueIds)
			.param("limit", limit)
			.query(ChangeLog::change)
			.list();
	}

	private static LoggedChange change(ResultSet rs, int row) throws SQLException {
		return new LoggedChange(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
				rs.getObject(5, Long.class), rs.getObject(6, Long.class), Timestamps.fromDb(rs, "occurred"),
				rs.getString(8));
	}

	/** The highest position given so far; 0 while the log is empty. */
	public long head() {
		return jdbc.sql("select last_position from ticket_log_sequence where id = 1").query(Long.class).single();
	}

	/** The lowest position still kept (older rows were removed by retention); 0 while the log is empty. */
	public long oldestPosition() {
		// min() of no rows is one row holding null, which single() refuses
		return jdbc.sql("select min(position) from ticket_log").query(Long.class).optional().orElse(0L);
	}

	void created(long ticketId, Ticket ticket, Long actorId, long followUpId) {
		TicketState s = ticket.state();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", s.title());
		fields.put("description", s.description());
		fields.put("queue", s.queueId());
		fields.put("status", s.status().code());
		fields.put("priority", s.priority());
		fields.put("submitter_email", s.submitterEmail());
		fields.put("assigned_to", s.ownerId());
		fields.put("due_date", text(s.dueDate()));
		write(ticketId, "created", actorId, followUpId, ticket.created(), fields);
	}

	/** The fields a change changed, as the API names them, with machine values (ids, codes, ISO-8601 times). */
	void updated(long ticketId, TicketState before, TicketState after, Long actorId, long followUpId, Instant when) {
		Map<String, Object> fields = new LinkedHashMap<>();
		differ(fields, "queue", before.queueId(), after.queueId());
		differ(fields, "title", before.title(), after.title());
		differ(fields, "description", before.description(), after.description());
		differ(fields, "resolution", before.resolution(), after.resolution());
		differ(fields, "resolution_public", before.resolutionPublic(), after.resolutionPublic());
		differ(fields, "submitter_email", before.submitterEmail(), after.submitterEmail());
		differ(fields, "assigned_to", before.ownerId(), after.ownerId());
		differ(fields, "status", before.status().code(), after.status().code());
		differ(fields, "priority", before.priority(), after.priority());
		differ(fields, "on_hold", before.onHold(), after.onHold());
		differ(fields, "due_date", text(before.dueDate()), text(after.dueDate()));
		differ(fields, "merged_to", before.mergedTo(), after.mergedTo());
		if (!fields.isEmpty()) {
			write(ticketId, "updated", actorId, followUpId, when, fields);
		}
	}

	/** A follow-up with a comment, as a reader of the log would show it. */
	void followUp(long ticketId, long followUpId, FollowUpDraft f) {
		if (f.comment() == null || f.comment().isBlank()) {
			return;
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", f.title());
		fields.put("comment", f.comment());
		fields.put("public", f.isPublic());
		fields.put("new_status", f.newStatus() == null ? null : f.newStatus().code());
		fields.put("time_spent_seconds", f.timeSpent() == null ? null : f.timeSpent().toSeconds());
		write(ticketId, "followup_added", f.userId(), followUpId, f.date(), fields);
	}

	void attachment(long followUpId, long attachmentId, StoredFile file) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("attachment_id", attachmentId);
		fields.put("filename", file.filename());
		fields.put("mime_type", file.mimeType());
		fields.put("size", file.size());
		jdbc.sql("""
				insert into ticket_log (ticket_id, queue_id, kind, actor_id, followup_id, occurred, fields)
				select f.ticket_id, t.queue_id, 'attachment_added', f.user_id, f.id, ?, ?
				from followup f join ticket t on t.id = f.ticket_id where f.id = ?""")
			.params(Timestamps.toDb(clock.instant()), JSON.writeValueAsString(fields), followUpId)
			.update();
		AfterCommit.run(sequencer::nudge);
	}

	void cc(long ticketId, String email, boolean added, Long actorId) {
		write(ticketId, added ? "cc_added" : "cc_removed", actorId, null, clock.instant(), Map.of("email", email));
	}

	void dependency(long ticketId, long dependsOnId, boolean added, Long actorId) {
		write(ticketId, added ? "dependency_added" : "dependency_removed", actorId, null, clock.instant(),
				Map.of("depends_on", dependsOnId));
	}

	/**
	 * A merge, on both tickets: the source now points at {@code targetId}, and the target holds the source's
	 * follow-ups.
	 */
	void merged(long sourceId, long targetId, Long actorId) {
		write(sourceId, "merged", actorId, null, clock.instant(), Map.of("merged_into", targetId));
		write(targetId, "merged", actorId, null, clock.instant(), Map.of("merged_from", sourceId));
	}

	/** Written before the ticket row goes, so that the queue can still be read. */
	void deleted(long ticketId, Long actorId) {
		write(ticketId, "deleted", actorId, null, clock.instant(), Map.of());
	}

	private void write(long ticketId, String kind, Long actorId, Long followUpId, Instant when, Map<String, ?> fields) {
		jdbc.sql("""
				insert into ticket_log (ticket_id, queue_id, kind, actor_id, followup_id, occurred, fields)
				values (?, (select queue_id from ticket where id = ?), ?, ?, ?, ?, ?)""")
			.params(ticketId, ticketId, kind, actorId, followUpId, Timestamps.toDb(when), JSON.writeValueAsString(fields))
			.update();
		AfterCommit.run(sequencer::nudge);
	}

	private static Map<String, Object> change(Object before, Object after) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("old", before);
		change.put("new", after);
		return change;
	}

	private static void differ(Map<String, Object> fields, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			fields.put(name, change(before, after));
		}
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
