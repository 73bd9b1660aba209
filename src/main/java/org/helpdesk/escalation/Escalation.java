package org.helpdesk.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.helpdesk.core.ClusterJobs;
import org.helpdesk.core.NotFound;
import org.helpdesk.core.SystemActor;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.EscalationDue;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The escalation rule (domain spec §9, with the original's bugs fixed). For every queue with {@code escalate_days}
 * above 0, a ticket is due when it has waited that many working days (see {@link WorkingDays}; the queue's own
 * exclusion dates and those of every queue do not count) since its last escalation, or since it was opened. Each
 * ticket is escalated in a transaction of its own by the ticket aggregate, which checks again on the locked row, so
 * a run that overlaps another escalates no ticket twice.
 */
@Service
public class Escalation {

	private static final Logger log = LoggerFactory.getLogger(Escalation.class);

	static final String JOB = "escalation";

	private final QueueManagement queues;

	private final TicketReader reader;

	private final TicketManagement tickets;

	private final Exclusions exclusions;

	private final ClusterJobs jobs;

	private final EscalationSettings settings;

	private final Clock clock;

	Escalation(QueueManagement queues, TicketReader reader, TicketManagement tickets, Exclusions exclusions,
			ClusterJobs jobs, EscalationSettings settings, Clock clock) {
		this.queues = queues;
		this.reader = reader;
		this.tickets = tickets;
		this.exclusions = exclusions;
		this.jobs = jobs;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One scheduled cycle, in the configured mode, unless another node runs (or has just run) this cycle; answers
	 * whether it ran here. The lock is kept for most of an interval, so nodes whose schedules drift apart still run
	 * one cycle per interval between them.
	 */
	public boolean runOnceAcrossNodes() {
		Duration interval = settings.interval();
		Duration atLeast = interval.minus(interval.dividedBy(10));
		Duration atMost = interval.compareTo(Duration.ofMinutes(30)) > 0 ? interval : Duration.ofMinutes(30);
		return jobs.runOnce(JOB, atMost, atLeast, this::run);
	}

	/** One cycle in the configured mode; returns how many tickets it escalated (or told people about). */
	public int run() {
		return run(settings.notifyOnly() ? EscalationMode.NOTIFY_ONLY : EscalationMode.ESCALATE);
	}

	public int run(EscalationMode mode) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, settings.timeZone());
		int done = 0;
		for (Queue queue : queues.list()) {
			if (queue.escalateDays() != null && queue.escalateDays() > 0) {
				int days = queue.escalateDays();
				var due = new EscalationDue(WorkingDays.waitingSince(now, settings.timeZone(), days,
						exclusions.datesFor(queue.id(), today)), days);
				done += escalate(mode == EscalationMode.NOTIFY_ONLY ? reader.dueForEscalationNotice(queue.id(), due)
						: reader.dueForEscalation(queue.id(), due), due, mode);
			}
		}
		if (done > 0) {
			log.info("Escalation ({}): {} ticket(s)", mode, done);
		}
		return done;
	}

	private int escalate(List<Long> ticketIds, EscalationDue due, EscalationMode mode) {
		int done = 0;
		for (long id : ticketIds) {
			try {
				boolean changed = mode == EscalationMode.NOTIFY_ONLY
						? tickets.noticeEscalation(id, due, SystemActor.INSTANCE)
						: tickets.escalate(id, due, SystemActor.INSTANCE);
				done += changed ? 1 : 0;
			}
			catch (NotFound ex) {
				// deleted since the query: nothing to escalate
			}
			catch (RuntimeException ex) {
				// one ticket that cannot be escalated must not keep the others waiting; the next cycle tries again
				log.warn("Escalation of ticket {} failed: {}", id, ex.toString());
			}
		}
		return done;
	}
}
