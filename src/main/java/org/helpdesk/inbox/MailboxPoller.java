package org.helpdesk.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.helpdesk.queue.MailboxType;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll of one mailbox, on the node that holds its lock: every waiting message goes through
 * {@link MailIngestion} and leaves the mailbox only after its change has committed. How it went is recorded for the
 * admin page; a mailbox that starts or stops failing is logged once, not at every poll.
 */
@Component
class MailboxPoller {

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final QueueManagement queues;

	private final MailboxPolls polls;

	private final BatchIngestion ingestion;

	private final Channels channels;

	private final MailboxSettings settings;

	private final Clock clock;

	MailboxPoller(QueueManagement queues, MailboxPolls polls, BatchIngestion ingestion, Channels channels,
			MailboxSettings settings, Clock clock) {
		this.queues = queues;
		this.polls = polls;
		this.ingestion = ingestion;
		this.channels = channels;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Polls the mailbox if it is still due (another node may just have polled it), or at once when forced. Answers
	 * whether to poll it again at once: the poll removed mail, so more may have arrived meanwhile (an MTA delivering a
	 * burst) or be left over (a full batch).
	 */
	boolean pollIfDue(long queueId, boolean force) {
		Optional<Queue> queue = queues.find(queueId).filter(Queue::pollsMailbox);
		if (queue.isEmpty()) {
			return false;
		}
		Optional<MailboxPolls.LastPoll> last = polls.find(queueId);
		Instant now = clock.instant();
		if (!force && last.isPresent() && !last.get().due(queue.get().mailbox().intervalSeconds(), now)) {
			return false;
		}
		String previousError = last.map(MailboxPolls.LastPoll::error).orElse(null);
		MailboxPolls.LastPoll done = poll(queue.get(), previousError, now);
		polls.record(queueId, done);
		return done.backlog();
	}

	private MailboxPolls.LastPoll poll(Queue queue, String previousError, Instant started) {
		String password = null;
		try {
			password = queues.mailboxPassword(queue.id()).orElse("");
			MailboxAccess access = new MailboxAccess(queue.id(), queue.mailbox(), password);
			Taker taker = new Taker(queue);
			channels.of(queue.mailbox().type()).poll(access, taker);
			taker.throwFailure();
			if (previousError != null) {
				log.info("The {} works again", access);
			}
			return new MailboxPolls.LastPoll(started, null, taker.removed > 0);
		}
		catch (Exception | LinkageError ex) {
			String reason = MailboxFailures.describe(ex, password);
			if (previousError == null) {
				log.warn("The mailbox of queue {} ({}) fails: {}", queue.slug(), queue.mailbox().type().wireName(),
						reason);
			}
			return new MailboxPolls.LastPoll(started, reason, false);
		}
	}

	/** A poll that has read this much ends, and the mailbox is polled again at once. */
	static final long POLL_BYTES = 64L * 1024 * 1024;

	/** Messages handed over at once, taken in side by side where they are independent (see {@link BatchIngestion}). */
	static final int HAND_OVER = 50;

	/**
	 * Takes messages in through {@link BatchIngestion} until the batch is full or half the lock's time is used up, so
	 * that the lock never runs out under a poll (another node would then take the same mailbox). A message that
	 * failed stays in the mailbox, ends the poll, and the poll is recorded as failed.
	 */
	private final class Taker implements MailChannel.MessageTaker {

		private final Queue queue;

		private final MailSource source;

		private final Set<String> kept;

		private final Instant stopBy;

		private int taken;

		/** What this poll has read; an IMAP folder keeps the messages it fetched until the poll closes it. */
		private long bytes;

		private RuntimeException failure;

		/** The messages this poll had removed from the mailbox. */
		private int removed;

		Taker(Queue queue) {
			this.queue = queue;
			this.source = switch (queue.mailbox().type()) {
				case POP3 -> MailSource.POP3;
				case LOCAL -> MailSource.FOLDER;
				default -> MailSource.IMAP;
			};
			this.kept = polls.kept(queue.id());
			this.stopBy = clock.instant().plus(settings.lockAtMost().dividedBy(2));
		}

		@Override
		public boolean kept(String key) {
			return kept.contains(key);
		}

		@Override
		public MailChannel.Taking take(List<MailChannel.Waiting> batch) {
			if (failure != null) {
				return MailChannel.Taking.NOTHING; // what comes after a failed message waits in the mailbox
			}
			taken += batch.size();
			batch.forEach(message -> bytes += message.raw().length);
			CompletableFuture<List<BatchIngestion.Taken>> outcomes = ingestion.ingestLater(queue.id(),
					batch.stream().map(MailChannel.Waiting::raw).toList(), source);
			return () -> removable(batch, outcomes);
		}

		/** Waits for the batch's outcomes and answers which of its messages leave the mailbox. */
		private Set<String> removable(List<MailChannel.Waiting> batch,
				CompletableFuture<List<BatchIngestion.Taken>> taking) {
			List<BatchIngestion.Taken> outcomes;
			try {
				outcomes = taking.join();
			}
			catch (CompletionException ex) {
				failure = failure != null ? failure
						: ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
				return Set.of();
			}
			Set<String> remove = new HashSet<>();
			for (int i = 0; i < batch.size(); i++) {
				String key = batch.get(i).key();
				BatchIngestion.Taken outcome = outcomes.get(i);
				if (outcome.failure() != null) {
					failure = failure == null ? outcome.failure() : failure;
				}
				else if (outcome.outcome().keepInMailbox()) {
					polls.keep(queue.id(), key);
					kept.add(key);
				}
				else {
					remove.add(key);
				}
			}
			removed += remove.size();
			return remove;
		}

		@Override
		public int batch() {
			return Math.max(1, Math.min(HAND_OVER, room()));
		}

		@Override
		public int room() {
			return Math.max(0, settings.batchSize() - taken);
		}

		@Override
		public boolean full() {
			return failure != null || taken >= settings.batchSize() || bytes >= POLL_BYTES
					|| clock.instant().isAfter(stopBy);
		}

		void throwFailure() {
			if (failure != null) {
				throw failure;
			}
		}
	}

	/** The channel for each mailbox type. */
	@Component
	static class Channels {

		private final ImapChannel imap;

		private final Pop3Channel pop3;

		private final FolderChannel folder;

		Channels(ImapChannel imap, Pop3Channel pop3, FolderChannel folder) {
			this.imap = imap;
			this.pop3 = pop3;
			this.folder = folder;
		}

		MailChannel of(MailboxType type) {
			return switch (type) {
				case IMAP -> imap;
				case POP3 -> pop3;
				case LOCAL -> folder;
				case NONE -> throw new IllegalStateException("no mailbox set");
			};
		}
	}
}
