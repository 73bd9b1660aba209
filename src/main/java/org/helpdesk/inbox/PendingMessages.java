package org.helpdesk.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The messages a channel read and has not handed over yet: they go to the taker together when its batch is complete
 * or they hold {@link #MAX_BYTES}, so that the taker can take independent messages in at the same time.
 */
final class PendingMessages {

	/** Messages read but not yet handed over hold at most this many bytes (a larger single message goes alone). */
	static final long MAX_BYTES = 8L * 1024 * 1024;

	private final MailChannel.MessageTaker taker;

	private final List<MailChannel.Waiting> pending = new ArrayList<>();

	private long bytes;

	PendingMessages(MailChannel.MessageTaker taker) {
		this.taker = taker;
	}

	/** Adds a message; when that completes a batch, hands it over and answers the keys to remove (else none). */
	Set<String> add(String key, byte[] raw) {
		pending.add(new MailChannel.Waiting(key, raw));
		bytes += raw.length;
		return pending.size() >= Math.max(1, taker.batch()) || bytes >= MAX_BYTES ? handOver() : Set.of();
	}

	/** Hands over what is pending; answers the keys to remove. */
	Set<String> handOver() {
		if (pending.isEmpty()) {
			return Set.of();
		}
		List<MailChannel.Waiting> batch = List.copyOf(pending);
		pending.clear();
		bytes = 0;
		return taker.take(batch);
	}
}
