package org.helpdesk.inbox;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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

	/** IMAP: the UIDs and sizes of this many messages are fetched with one command. */
	static final int LIST_AT_ONCE = 1000;

	/** IMAP: at most this many whole messages, and {@link PendingMessages#MAX_BYTES}, are fetched with one command. */
	static final int FETCH_AT_ONCE = 1000;

	/** IMAP: messages taken in are marked deleted this many at a time (and at the end of the poll). */
	static final int MARK_AT_ONCE = 1000;

	private ServerMessages() {
	}

	/**
	 * Hands the messages over in mailbox order. Each command costs a round trip, and some servers walk the whole
	 * folder for every command whatever it asks for (GreenMail does), so a poll of 1,000 messages sends about half a
	 * dozen commands rather than three for every 50 messages.
	 */
	static int handOver(Folder folder, Message[] waiting, Key key, MailChannel.MessageTaker taker) throws Exception {
		int handed = 0;
		Map<String, Message> read = new HashMap<>();
		Set<String> toMark = new HashSet<>();
		PendingMessages pending = new PendingMessages(taker);
		int listedUpTo = 0;
		int fetchedUpTo = 0;
		try {
			for (int index = 0; index < waiting.length; index++) {
				if (taker.full()) {
					break;
				}
				Message message = waiting[index];
				if (index >= listedUpTo) {
					listedUpTo = list(folder, waiting, index, taker.room());
				}
				if (index >= fetchedUpTo) {
					fetchedUpTo = fetch(folder, waiting, index, listedUpTo);
				}
				String name = key.of(message);
				if (taker.kept(name)) {
					continue;
				}
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				handed++;
				read.put(name, message);
				toMark.addAll(pending.add(name, raw.toByteArray()));
				if (toMark.size() >= MARK_AT_ONCE) {
					markDeleted(folder, toMark, read);
				}
			}
		}
		finally {
			toMark.addAll(pending.finish());
			markDeleted(folder, toMark, read);
		}
		return handed;
	}

	/**
	 * Fetches the UIDs and sizes of the next {@link #LIST_AT_ONCE} messages, or as many as the poll still takes, with
	 * one command (POP3: of all, with one command that lists every UID). Returns the index after the last one listed.
	 */
	private static int list(Folder folder, Message[] waiting, int from, int room) throws MessagingException {
		FetchProfile uids = new FetchProfile();
		uids.add(UIDFolder.FetchProfileItem.UID);
		uids.add(FetchProfile.Item.SIZE);
		if (!(folder instanceof IMAPFolder)) {
			folder.fetch(waiting, uids);
			return waiting.length;
		}
		int end = Math.min(waiting.length, from + Math.max(1, Math.min(LIST_AT_ONCE, room)));
		folder.fetch(Arrays.copyOfRange(waiting, from, end), uids);
		return end;
	}

	/**
	 * IMAP: fetches as many of the listed messages whole as {@link #FETCH_AT_ONCE} and {@link PendingMessages#MAX_BYTES}
	 * allow (at least one) with one command. POP3 reads each message as it is asked for. Returns the index after the
	 * last message fetched.
	 */
	private static int fetch(Folder folder, Message[] waiting, int from, int listed) throws MessagingException {
		if (!(folder instanceof IMAPFolder)) {
			return waiting.length;
		}
		int end = Math.min(listed, from + FETCH_AT_ONCE);
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
	 * Marks the messages taken in (their changes have committed) deleted, many with one command: one round trip per
	 * message cost more than taking it in. A crash before the mark leaves them in the mailbox, and the next poll finds
	 * them already taken in (the same Message-ID, or for a message without one the same bytes): a duplicate that
	 * changes nothing and is then deleted. Empties {@code taken}.
	 */
	private static void markDeleted(Folder folder, Set<String> taken, Map<String, Message> read)
			throws MessagingException {
		List<Message> messages = taken.stream().map(read::remove).toList();
		taken.clear();
		if (!messages.isEmpty() && folder.isOpen()) {
			folder.setFlags(messages.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
		}
	}
}
