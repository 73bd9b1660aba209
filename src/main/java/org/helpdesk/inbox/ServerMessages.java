package org.helpdesk.inbox;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * What IMAP and POP3 share: each waiting message, by its key, to the taker; the ones it took are marked deleted
 * (after their change committed), and the server removes them when the folder is closed with expunge.
 */
final class ServerMessages {

	/** A message's key in its channel, which survives reconnecting (a UID, a UIDL). */
	@FunctionalInterface
	interface Key {

		String of(Message message) throws MessagingException;
	}

	/** Messages fetched with one command. */
	static final int FETCH_AT_ONCE = 50;


	private ServerMessages() {
	}

	static int handOver(Folder folder, Message[] waiting, Key key, MailChannel.MessageTaker taker) throws Exception {
		int handed = 0;
		Map<String, Message> read = new HashMap<>();
		PendingMessages pending = new PendingMessages(taker);
		int fetchedUpTo = 0;
		try {
			for (int index = 0; index < waiting.length; index++) {
				Message message = waiting[index];
				if (index >= fetchedUpTo) {
					fetchedUpTo = fetch(folder, waiting, index);
				}
				String name = key.of(message);
				if (taker.full()) {
					break;
				}
				if (taker.kept(name)) {
					continue;
				}
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				handed++;
				read.put(name, message);
				markDeleted(folder, pending.add(name, raw.toByteArray()), read);
			}
		}
		finally {
			markDeleted(folder, pending.handOver(), read);
		}
		return handed;
	}

	/**
	 * IMAP: fetches the UIDs and sizes of the next {@link #FETCH_AT_ONCE} messages with one command, then as many of
	 * them whole as {@link PendingMessages#MAX_BYTES} allows (at least one) with another: a command per message, or
	 * for every message of a full mailbox at each poll, waited for the server far longer than taking them in took.
	 * POP3 lists every UID with one command and reads each message as it is asked for. Returns the index after the
	 * last message fetched.
	 */
	private static int fetch(Folder folder, Message[] waiting, int from) throws MessagingException {
		FetchProfile uids = new FetchProfile();
		uids.add(UIDFolder.FetchProfileItem.UID);
		uids.add(FetchProfile.Item.SIZE);
		if (!(folder instanceof IMAPFolder)) {
			folder.fetch(waiting, uids);
			return waiting.length;
		}
		int end = Math.min(waiting.length, from + FETCH_AT_ONCE);
		folder.fetch(Arrays.copyOfRange(waiting, from, end), uids);
		int to = from + 1;
		long bytes = Math.max(0, waiting[from].getSize());
		while (to < end) {
			bytes += Math.max(0, waiting[to].getSize());
			if (bytes > PendingMessages.MAX_BYTES) {
				break;
			}
			to++;
		}
		FetchProfile whole = new FetchProfile();
		whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
		folder.fetch(Arrays.copyOfRange(waiting, from, to), whole);
		return to;
	}

	/**
	 * Marks the messages taken in (their changes have committed) deleted, a batch with one command: one round trip per
	 * message cost more than taking it in. A crash before the mark leaves them in the mailbox, and the next poll finds
	 * them already taken in (the same Message-ID, or for a message without one the same bytes): a duplicate that
	 * changes nothing and is then deleted.
	 */
	private static void markDeleted(Folder folder, Set<String> taken, Map<String, Message> read)
			throws MessagingException {
		List<Message> messages = taken.stream().map(read::remove).toList();
		if (!messages.isEmpty() && folder.isOpen()) {
			folder.setFlags(messages.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
		}
	}
}
