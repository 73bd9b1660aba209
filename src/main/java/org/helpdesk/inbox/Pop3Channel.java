package org.helpdesk.inbox;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.springframework.stereotype.Component;

/**
 * A POP3 mailbox: every message; a message taken in is marked for deletion after its change committed, and the
 * deletions (DELE) are sent and applied (QUIT) when the mailbox is closed. A message an ignore rule keeps is
 * remembered by its UIDL.
 */
@Component
class Pop3Channel implements MailChannel {

	private final MailSessions sessions;

	Pop3Channel(MailSessions sessions) {
		this.sessions = sessions;
	}

	private Store connect(MailboxAccess access) throws MessagingException {
		String protocol = access.box().ssl() ? "pop3s" : "pop3";
		Store store = sessions.session(protocol).getStore(protocol);
		store.connect(access.box().host(), access.box().port() == null ? -1 : access.box().port(),
				access.box().user(), access.password());
		return store;
	}

	@Override
	public int count(MailboxAccess access) throws MessagingException {
		try (Store store = connect(access)) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			try {
				return inbox.getMessageCount();
			}
			finally {
				inbox.close(false);
			}
		}
	}

	@Override
	public int poll(MailboxAccess access, MessageTaker taker) throws Exception {
		try (Store store = connect(access)) {
			POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			try {
				return take(inbox, taker);
			}
			finally {
				if (inbox.isOpen()) {
					inbox.close(true);
				}
			}
		}
	}

	private static int take(POP3Folder inbox, MessageTaker taker) throws Exception {
		return ServerMessages.handOver(inbox, inbox.getMessages(), m -> "pop3:" + inbox.getUID(m), taker);
	}
}
