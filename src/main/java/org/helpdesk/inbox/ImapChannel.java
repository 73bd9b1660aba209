package org.helpdesk.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.springframework.stereotype.Component;

/**
 * An IMAP folder: every message not marked deleted; a message taken in is marked \Deleted at once (after its change
 * committed) and the folder is expunged when it is closed. A message an ignore rule keeps stays untouched and is
 * remembered by UIDVALIDITY and UID.
 */
@Component
class ImapChannel implements MailChannel {

	private final MailSessions sessions;

	ImapChannel(MailSessions sessions) {
		this.sessions = sessions;
	}

	Store connect(MailboxAccess access, jakarta.mail.Session session) throws MessagingException {
		Store store = session.getStore(protocol(access));
		store.connect(access.box().host(), access.box().port() == null ? -1 : access.box().port(),
				access.box().user(), access.password());
		return store;
	}

	static String protocol(MailboxAccess access) {
		return access.box().ssl() ? "imaps" : "imap";
	}

	@Override
	public int count(MailboxAccess access) throws MessagingException {
		try (Store store = connect(access, sessions.session(protocol(access)))) {
			Folder folder = store.getFolder(access.box().imapFolder());
			folder.open(Folder.READ_ONLY);
			try {
				return folder.getMessageCount() - folder.getDeletedMessageCount();
			}
			finally {
				folder.close(false);
			}
		}
	}

	@Override
	public int poll(MailboxAccess access, MessageTaker taker) throws Exception {
		try (Store store = connect(access, sessions.session(protocol(access)))) {
			Folder folder = store.getFolder(access.box().imapFolder());
			folder.open(Folder.READ_WRITE);
			try {
				return take(folder, taker);
			}
			finally {
				if (folder.isOpen()) {
					folder.close(true);
				}
			}
		}
	}

	private static int take(Folder folder, MessageTaker taker) throws Exception {
		Message[] waiting = folder.search(new FlagTerm(new Flags(Flags.Flag.DELETED), false));
		UIDFolder byUid = (UIDFolder) folder;
		String prefix = "imap:" + byUid.getUIDValidity() + ":";
		return ServerMessages.handOver(folder, waiting, m -> prefix + byUid.getUID(m), taker);
	}
}
