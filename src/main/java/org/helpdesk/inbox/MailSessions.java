package org.helpdesk.inbox;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;
import org.springframework.stereotype.Component;

/**
 * Jakarta Mail sessions for the mail servers: timeouts so that a hung server never hangs a poller, STARTTLS when the
 * server offers it on a plain connection, and (for tests only) trust in any certificate.
 */
@Component
class MailSessions {

	private final MailboxSettings settings;

	MailSessions(MailboxSettings settings) {
		this.settings = settings;
	}

	Session session(String protocol) {
		return session(protocol, settings.readTimeout());
	}

	Session session(String protocol, Duration readTimeout) {
		Properties p = new Properties();
		String prefix = "mail." + protocol + ".";
		p.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
		p.setProperty(prefix + "timeout", Long.toString(readTimeout.toMillis()));
		p.setProperty(prefix + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
		p.setProperty(prefix + "starttls.enable", "true");
		if (protocol.startsWith("imap")) {
			// whole messages in a few round trips instead of 16 KiB at a time
			p.setProperty(prefix + "fetchsize", Integer.toString(1024 * 1024));
			p.setProperty(prefix + "partialfetch", "false");
		}
		if (settings.trustAllCertificates()) {
			p.setProperty(prefix + "ssl.trust", "*");
			p.setProperty(prefix + "ssl.checkserveridentity", "false");
		}
		return Session.getInstance(p);
	}
}
