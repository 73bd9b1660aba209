package org.helpdesk.inbox;

import java.util.List;
import java.util.Set;

/**
 * One way of fetching mail (IMAP, POP3, a folder). A channel hands waiting messages to the taker, a batch at a time,
 * and reads the next batch while the taker takes one in (see {@link PendingMessages}); it removes a message from the
 * mailbox only when the taker says so, which it does after the message's change has committed.
 */
interface MailChannel {

	/** A message waiting in the mailbox: its key there (which survives reconnecting) and its bytes. */
	record Waiting(String key, byte[] raw) {
	}

	/** How many messages wait in the mailbox; connects and signs in, so it also tests the settings. */
	int count(MailboxAccess access) throws Exception;

	/** Hands waiting messages to the taker until it has had enough; returns how many it handed over. */
	int poll(MailboxAccess access, MessageTaker taker) throws Exception;

	/** Takes a message in and says what to do with it. */
	interface MessageTaker {

		/** Whether an ignore rule asked to keep this message, so that it is not taken in again. */
		boolean kept(String key);

		/**
		 * Starts taking these messages in, called once the batch handed over before has been awaited: the channel
		 * reads the next batch from its mailbox meanwhile. Takes nothing once a message has failed.
		 */
		Taking take(List<Waiting> batch);

		/** How many messages the channel hands over at once (at least one); at most what the poll still takes. */
		int batch();

		/** Whether this poll has taken enough (its batch or its time is up); the rest waits for the next one. */
		boolean full();

		/** How many more messages this poll takes at most; a channel fetches no more than that ahead. */
		int room();
	}

	/** A batch being taken in. */
	@FunctionalInterface
	interface Taking {

		Taking NOTHING = Set::of;

		/** Waits until the batch is taken in; answers the keys of the messages to remove (the rest stay there). */
		Set<String> await();
	}
}
