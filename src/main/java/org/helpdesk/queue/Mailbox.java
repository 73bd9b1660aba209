package org.helpdesk.queue;

/**
 * Where a queue's mail is fetched from (django-helpdesk's {@code email_box_*} fields). The password is not part of
 * it: it is stored encrypted and handed out only to the poller ({@link QueueManagement#mailboxPassword}).
 *
 * @param ssl implicit TLS (IMAPS, POP3S); without it STARTTLS is used when the server offers it
 * @param port null means the protocol's usual port
 * @param passwordSet whether a password is stored
 * @param intervalSeconds how long after one poll the next one is due
 */
public record Mailbox(MailboxType type, String host, Integer port, boolean ssl, String user, boolean passwordSet,
		String imapFolder, String localDir, int intervalSeconds) {

	public static final String DEFAULT_FOLDER = "INBOX";

	public static final int DEFAULT_INTERVAL = 60;

	public static final int MIN_INTERVAL = 10;

	public static final int MAX_INTERVAL = 86_400;

	public static final Mailbox NONE = new Mailbox(MailboxType.NONE, null, null, false, null, false, DEFAULT_FOLDER,
			null, DEFAULT_INTERVAL);

	public Mailbox {
		imapFolder = imapFolder == null || imapFolder.isBlank() ? DEFAULT_FOLDER : imapFolder;
	}

	public boolean configured() {
		return type != MailboxType.NONE;
	}
}
