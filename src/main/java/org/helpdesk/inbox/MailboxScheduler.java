package org.helpdesk.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.helpdesk.core.BackgroundWork;
import org.helpdesk.core.ClusterJobs;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every due mailbox, each on a thread of a bounded pool so that one slow or hung server never delays the
 * others, and each under the cluster-wide lock {@code mailbox-<queue id>} so that one node at a time takes its mail.
 * A mailbox is due when e-mail submission is allowed, a mailbox type is set and its interval has passed since the
 * last poll (on whichever node), at once when IMAP IDLE reports new mail ({@link #pollNow}), and at once again after a
 * poll that removed mail, until a poll finds none.
 */
@Component
class MailboxScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailboxScheduler.class);

	private final QueueManagement queues;

	private final MailboxPolls polls;

	private final MailboxPoller poller;

	private final ClusterJobs cluster;

	private final MailboxSettings settings;

	private final Clock clock;

	private final ImapIdle idle;

	private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

	private final Set<Long> pollAgain = ConcurrentHashMap.newKeySet();

	private volatile ExecutorService pool;

	private volatile BackgroundWork ticks;

	MailboxScheduler(QueueManagement queues, MailboxPolls polls, MailboxPoller poller, ClusterJobs cluster,
			MailboxSettings settings, Clock clock, ImapIdle idle) {
		this.queues = queues;
		this.polls = polls;
		this.poller = poller;
		this.cluster = cluster;
		this.settings = settings;
		this.clock = clock;
		this.idle = idle;
	}

	@Override
	public void start() {
		if (!settings.pollEnabled()) {
			log.info("Mailbox polling is off on this node (helpdesk.inbox.poll-enabled=false)");
			return;
		}
		AtomicInteger threads = new AtomicInteger();
		pool = Executors.newFixedThreadPool(Math.max(1, settings.poolSize()), task -> {
			Thread thread = new Thread(task, "mailbox-poll-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		ticks = new BackgroundWork("mailbox-scheduler", settings.tick(), this::tick);
		ticks.start();
	}

	/** Looks for due mailboxes and hands each to the pool (unless this node is polling it already). */
	void tick() {
		Instant now = clock.instant();
		Map<Long, MailboxPolls.LastPoll> last = polls.all();
		List<Queue> polled = queues.list().stream().filter(Queue::pollsMailbox).toList();
		for (Queue queue : polled) {
			MailboxPolls.LastPoll poll = last.get(queue.id());
			if (poll == null || poll.due(queue.mailbox().intervalSeconds(), now)) {
				submit(queue.id(), false);
			}
		}
		if (settings.idle()) {
			idle.watch(polled, this::pollNow);
		}
	}

	/** Polls the mailbox as soon as a thread is free, whatever its interval (new mail was reported). */
	void pollNow(long queueId) {
		if (pool != null) {
			submit(queueId, true);
		}
	}

	private void submit(long queueId, boolean force) {
		if (!inFlight.add(queueId)) {
			if (force) {
				pollAgain.add(queueId); // mail arrived during this poll, perhaps after the folder was read
			}
			return;
		}
		try {
			pool.execute(() -> run(queueId, force));
		}
		catch (RejectedExecutionException | NullPointerException stopping) {
			inFlight.remove(queueId);
		}
	}

	private void run(long queueId, boolean force) {
		AtomicBoolean again = new AtomicBoolean();
		try {
			cluster.runOnce("mailbox-" + queueId, settings.lockAtMost(), Duration.ZERO,
					() -> again.set(poller.pollIfDue(queueId, force)));
		}
		catch (RuntimeException ex) {
			log.warn("Polling the mailbox of queue {} failed: {}", queueId, ex.toString());
		}
		finally {
			inFlight.remove(queueId);
		}
		if (pollAgain.remove(queueId) | again.get()) {
			submit(queueId, true);
		}
	}

	@Override
	public void stop() {
		BackgroundWork currentTicks = ticks;
		ExecutorService currentPool = pool;
		ticks = null;
		pool = null;
		idle.stopAll();
		if (currentTicks != null) {
			currentTicks.stop(Duration.ofSeconds(5));
		}
		if (currentPool != null) {
			// a message in ingestion is let finish, so that it leaves the mailbox rather than coming again
			currentPool.shutdown();
			try {
				currentPool.awaitTermination(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return pool != null;
	}
}
