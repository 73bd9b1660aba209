package org.helpdesk.inbox;

/**
 * One way of fetching mail (IMAP, POP3, a folder). A channel hands each waiting message to the taker and removes it
 * from the mailbox only when the taker says so, which it does after the message's change has committed.
 */
interface MailChannel {

	/** How many messages wait in the mailbox; connects and signs in, so it also tests the settings. */
	int count(MailboxAccess access) throws Exception;

	/** Hands waiting messages to the taker until it has had enough; returns how many it handed over. */
	int poll(MailboxAccess access, MessageTaker taker) throws Exception;

	/** Takes a message in and says what to do with it. */
	interface MessageTaker {

		/** Whether an ignore rule asked to keep this message, so that it is not taken in again. */
		boolean kept(String key);

		/** Returns true to remove the message from the mailbox, false to leave it there. */
		boolean take(String key, byte[] raw);

		/** Whether this poll has taken enough (its batch or its time is up); the rest waits for the next one. */
		boolean full();
	}
}
