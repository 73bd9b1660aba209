package org.helpdesk.inbox;

import java.util.UUID;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail with IMAP, IMAPS (its self-signed certificate) and POP3 on free ports for the inbox tests. Each test
 * uses a mailbox user of its own, so tests never see each other's messages.
 */
final class MailServers {

	private static GreenMail server;

	private MailServers() {
	}

	static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(new ServerSetup[] { setup(ServerSetup.PROTOCOL_IMAP),
					setup(ServerSetup.PROTOCOL_IMAPS), setup(ServerSetup.PROTOCOL_POP3) });
			server.start();
		}
		return server;
	}

	private static ServerSetup setup(String protocol) {
		return new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
	}

	static int imapPort() {
		return server().getImap().getPort();
	}

	static int imapsPort() {
		return server().getImaps().getPort();
	}

	static int pop3Port() {
		return server().getPop3().getPort();
	}

	/** A new mailbox user; its login is also its password's prefix. */
	static GreenMailUser newUser() {
		String login = "box" + UUID.randomUUID().toString().substring(0, 8);
		return server().setUser(login + "@mail.example.test", login, password(login));
	}

	static String password(String login) {
		return login + "-Secret-9";
	}

	static void deliver(GreenMailUser user, String subject) {
		user.deliver(GreenMailUtil.createTextEmail(user.getEmail(), "customer@example.test", subject,
				"Text of " + subject, server().getImap().getServerSetup()));
	}

	/** Messages in the user's inbox, those marked deleted but not expunged included. */
	static int waiting(GreenMailUser user) {
		try {
			return server().getManagers().getImapHostManager().getInbox(user).getMessageCount();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
