package org.helpdesk.inbox;

import java.io.ByteArrayOutputStream;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

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

	private ServerMessages() {
	}

	static int handOver(Folder folder, Message[] waiting, Key key, MailChannel.MessageTaker taker) throws Exception {
		FetchProfile uids = new FetchProfile();
		uids.add(UIDFolder.FetchProfileItem.UID);
		folder.fetch(waiting, uids);
		int handed = 0;
		for (Message message : waiting) {
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
				message.setFlag(Flags.Flag.DELETED, true);
			}
		}
		return handed;
	}
}
