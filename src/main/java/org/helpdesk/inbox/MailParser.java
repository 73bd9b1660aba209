package org.helpdesk.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.stereotype.Component;

/**
 * Reads raw RFC 5322 bytes into a {@link ParsedMail} with Jakarta Mail (Angus). Lenient: a message it cannot make
 * sense of still yields what could be read; only bytes that are no message at all raise
 * {@link UnreadableMail}.
 * <p>
 * WALKING SKELETON: plain text parts and headers only; the full parser (charsets, HTML, attachments, quoting,
 * auto-reply and bounce detection) replaces this body.
 */
@Component
public class MailParser {

	private final Session session = Session.getInstance(new Properties());

	public ParsedMail parse(byte[] raw) {
		try {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
			String messageId = stripBrackets(message.getMessageID());
			String subject = message.getSubject() == null ? "" : message.getSubject().trim();
			Address[] from = message.getFrom();
			String fromAddress = null;
			String fromName = null;
			if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
				fromAddress = address.getAddress() == null ? null : address.getAddress().toLowerCase(Locale.ROOT);
				fromName = address.getPersonal();
			}
			String text = textOf(message);
			return new ParsedMail(messageId, ids(message.getHeader("In-Reply-To")), ids(message.getHeader("References")),
					subject, fromAddress, fromName, addresses(message, Message.RecipientType.TO),
					addresses(message, Message.RecipientType.CC),
					message.getSentDate() == null ? null : message.getSentDate().toInstant(), text, text, null,
					List.of(), null, MailKind.PERSONAL, List.of(), raw.length);
		}
		catch (MessagingException | IOException e) {
			throw new UnreadableMail(e.getMessage());
		}
	}

	private static String textOf(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = textOf(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return "";
	}

	private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws MessagingException {
		Address[] all = message.getRecipients(type);
		List<String> result = new ArrayList<>();
		if (all != null) {
			for (Address a : all) {
				if (a instanceof InternetAddress address && address.getAddress() != null) {
					result.add(address.getAddress().toLowerCase(Locale.ROOT));
				}
			}
		}
		return result;
	}

	private static List<String> ids(String[] headers) {
		List<String> result = new ArrayList<>();
		if (headers != null) {
			for (String header : headers) {
				for (String token : header.split("[\\s,]+")) {
					String id = stripBrackets(token);
					if (id != null && !id.isEmpty()) {
						result.add(id);
					}
				}
			}
		}
		return result;
	}

	private static String stripBrackets(String id) {
		if (id == null) {
			return null;
		}
		String trimmed = id.trim();
		if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
			trimmed = trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? null : trimmed;
	}
}
