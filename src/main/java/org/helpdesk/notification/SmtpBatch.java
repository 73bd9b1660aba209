package org.helpdesk.notification;

import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends a batch of messages over one SMTP connection, with the server and credentials of Spring's mail sender.
 * Spring's own {@code send(MimeMessage...)} asks the server before every message whether the connection still stands
 * (a {@code NOOP} and its reply): a fifth round trip per mail beside {@code MAIL}, {@code RCPT}, {@code DATA} and the
 * message, which against a relay across a network slows the outbox by a fifth. Here the connection is questioned
 * only after a message failed: when the server had hung up (some do after a number of messages, or when idle), the
 * message goes once more over a new connection; when it is still there, the server refused that one message.
 */
final class SmtpBatch {

	private SmtpBatch() {
	}

	/** Returns the messages that were not sent, each with its reason. */
	static Map<MimeMessage, Exception> send(JavaMailSenderImpl smtp, MimeMessage[] messages) {
		Map<MimeMessage, Exception> failures = new IdentityHashMap<>();
		Transport transport = null;
		try {
			for (int i = 0; i < messages.length; i++) {
				for (int attempt = 1;; attempt++) {
					if (transport == null) {
						try {
							transport = connect(smtp);
						}
						catch (MessagingException unreachable) {
							// no connection to be had: neither this message nor the rest can go
							for (int rest = i; rest < messages.length; rest++) {
								failures.put(messages[rest], unreachable);
							}
							return failures;
						}
					}
					try {
						sendOne(transport, messages[i]);
						break;
					}
					catch (MessagingException failure) {
						boolean hungUp = !transport.isConnected();
						if (hungUp) {
							close(transport);
							transport = null;
						}
						if (!hungUp || attempt == 2) {
							failures.put(messages[i], failure);
							break;
						}
						// the server had hung up: once more over a new connection
					}
				}
			}
			return failures;
		}
		finally {
			close(transport);
		}
	}

	private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
		String protocol = smtp.getProtocol() != null ? smtp.getProtocol()
				: smtp.getSession().getProperty("mail.transport.protocol");
		Transport transport = smtp.getSession().getTransport(protocol != null ? protocol : "smtp");
		// Spring's rule: an empty user name means no login
		String username = "".equals(smtp.getUsername()) ? null : smtp.getUsername();
		String password = username == null && "".equals(smtp.getPassword()) ? null : smtp.getPassword();
		transport.connect(smtp.getHost(), smtp.getPort(), username, password);
		return transport;
	}

	private static void sendOne(Transport transport, MimeMessage message) throws MessagingException {
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		message.saveChanges();
		Address[] recipients = message.getAllRecipients();
		transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
	}

	private static void close(Transport transport) {
		if (transport == null) {
			return;
		}
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			// what was sent is sent; a connection that does not close cleanly changes nothing
		}
	}
}
