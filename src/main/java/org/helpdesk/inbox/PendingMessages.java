package org.helpdesk.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages a channel read and has not handed over yet: they go to the taker together when its batch is complete
 * or they hold {@link #MAX_BYTES}, so that the taker can take independent messages in at the same time. One batch is
 * taken in while the channel reads the next one (its server's round trips are then no longer waited for on top of the
 * taking in); a batch is handed over only after the one before it is done, so a reply is never taken in before the
 * message it answers.
 */
final class PendingMessages {

	/** Messages read but not yet handed over hold at most this many bytes (a larger single message goes alone). */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final MailChannel.MessageTaker taker;

	private final List<MailChannel.Waiting> pending = new ArrayList<>();

	private long bytes;

	private MailChannel.Taking inFlight = MailChannel.Taking.NOTHING;

	PendingMessages(MailChannel.MessageTaker taker) {
		this.taker = taker;
	}

	/**
	 * Adds a message; when that completes a batch, waits for the batch before it, hands this one over and answers the
	 * keys the finished batch lets the channel remove (else none).
	 */
	Set<String> add(String key, byte[] raw) {
		pending.add(new MailChannel.Waiting(key, raw));
		bytes += raw.length;
		return pending.size() >= Math.max(1, taker.batch()) || bytes >= MAX_BYTES ? handOver() : Set.of();
	}

	/** At the end of a poll: hands over what is pending and waits for it; answers all keys still to remove. */
	Set<String> finish() {
		Set<String> remove = new HashSet<>(handOver());
		remove.addAll(settle());
		return remove;
	}

	private Set<String> handOver() {
		Set<String> remove = settle();
		if (!pending.isEmpty()) {
			inFlight = taker.take(List.copyOf(pending));
			pending.clear();
			bytes = 0;
		}
		return remove;
	}

	private Set<String> settle() {
		MailChannel.Taking done = inFlight;
		inFlight = MailChannel.Taking.NOTHING;
		return done.await();
	}
}
