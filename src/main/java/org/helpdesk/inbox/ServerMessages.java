package org.helpdesk.inbox;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	/** Messages fetched, and marked deleted, with one command. */
	static final int DELETE_EVERY = 50;

	/** At most this many bytes of messages fetched with one command (a single larger message is fetched alone). */
	static final long PREFETCH_BYTES = 8L * 1024 * 1024;

	private ServerMessages() {
	}

	static int handOver(Folder folder, Message[] waiting, Key key, MailChannel.MessageTaker taker) throws Exception {
		FetchProfile uids = new FetchProfile();
		uids.add(UIDFolder.FetchProfileItem.UID);
		uids.add(FetchProfile.Item.SIZE);
		folder.fetch(waiting, uids);
		int handed = 0;
		List<Message> taken = new ArrayList<>();
		int fetchedUpTo = 0;
		try {
			for (int index = 0; index < waiting.length; index++) {
				Message message = waiting[index];
				if (index >= fetchedUpTo) {
					fetchedUpTo = prefetch(folder, waiting, index);
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
				if (taker.take(name, raw.toByteArray())) {
					taken.add(message);
					if (taken.size() == DELETE_EVERY) {
						markDeleted(folder, taken);
					}
				}
			}
		}
		finally {
			markDeleted(folder, taken);
		}
		return handed;
	}

	/**
	 * Fetches the next messages whole with one IMAP command (a FETCH per message waits for the server each time): up
	 * to {@link #DELETE_EVERY} of them and {@link #PREFETCH_BYTES} together, at least one. POP3 reads each message as
	 * it is asked for. Returns the index after the last message fetched.
	 */
	private static int prefetch(Folder folder, Message[] waiting, int from) throws MessagingException {
		if (!(folder instanceof IMAPFolder)) {
			return waiting.length;
		}
		int to = from + 1;
		long bytes = Math.max(0, waiting[from].getSize());
		while (to < waiting.length && to - from < DELETE_EVERY) {
			bytes += Math.max(0, waiting[to].getSize());
			if (bytes > PREFETCH_BYTES) {
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
	 * Marks the messages taken in (their changes have committed) deleted, several in one command: one round trip per
	 * message cost more than taking it in. A crash before the mark leaves them in the mailbox, and the next poll finds
	 * them already taken in (the same Message-ID, or for a message without one the same bytes): a duplicate that
	 * changes nothing and is then deleted.
	 */
	private static void markDeleted(Folder folder, List<Message> taken) throws MessagingException {
		if (!taken.isEmpty() && folder.isOpen()) {
			folder.setFlags(taken.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
		}
		taken.clear();
	}
}
