package org.helpdesk.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.helpdesk.core.JakartaMail;
import org.springframework.stereotype.Component;

/**
 * Reads raw RFC 5322 bytes into a {@link ParsedMail} with Jakarta Mail (Angus) and jsoup. Lenient: a message it
 * cannot make sense of still yields what could be read (mislabelled charsets, malformed headers, broken parts);
 * only bytes that are no message at all raise {@link UnreadableMail}.
 * <p>
 * The text is the plain body, or the text of the HTML body when there is no plain one; the HTML itself is kept as
 * the file {@value #HTML_BODY_NAME} ({@code text/html}) for a sanitised preview and is never shown raw. Work is
 * bounded: at most {@value MessageBody#MAX_PARTS} parts are read and a text longer than {@value #LONGEST_TEXT}
 * characters is cut, its whole text kept as the file {@value #TEXT_BODY_NAME}.
 */
@Component
public class MailParser {

	/** The name under which the original HTML body is kept among the attachments. */
	public static final String HTML_BODY_NAME = org.helpdesk.ticket.TicketMail.ORIGINAL_HTML_NAME;

	/** The name under which a body too long for the ticket text is kept whole. */
	public static final String TEXT_BODY_NAME = "email_text_body.txt";

	static final int LONGEST_TEXT = 200_000;

	private final Session session;

	public MailParser() {
		JakartaMail.findStreamsByName();
		Properties properties = new Properties();
		properties.setProperty("mail.mime.address.strict", "false");
		properties.setProperty("mail.mime.allowutf8", "false");
		this.session = Session.getInstance(properties);
	}

	public ParsedMail parse(byte[] raw) {
		if (raw == null || raw.length == 0) {
			throw new UnreadableMail("The message is empty");
		}
		try {
			MimeMessage message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
			MailHeaders headers = new MailHeaders(message);
			if (!headers.looksLikeMail()) {
				throw new UnreadableMail("No mail headers (From, To, Subject, Date, Message-ID, …) found");
			}
			return read(message, headers, raw.length);
		}
		catch (MessagingException e) {
			throw new UnreadableMail("Not a mail message: " + e.getMessage());
		}
		catch (RuntimeException | StackOverflowError e) {
			if (e instanceof UnreadableMail unreadable) {
				throw unreadable;
			}
			throw new UnreadableMail("The message could not be read: " + e);
		}
	}

	private static ParsedMail read(MimeMessage message, MailHeaders headers, int size) {
		MessageBody body = MessageBody.of(message);
		List<MailPart> files = new ArrayList<>(body.files);
		String html = body.html.isEmpty() ? null : String.join("\n", body.html);
		String text = text(body, html, files);
		String subject = headers.text("Subject");
		InternetAddress from = headers.from();
		String fromAddress = from == null ? null : from.getAddress();
		MailClassifier classifier = new MailClassifier(headers, PartType.of(message), body);
		MailKind kind = classifier.kind(fromAddress, subject);
		List<String> inReplyTo = MailHeaders.ids(headers.raw("In-Reply-To"));
		if (kind == MailKind.BOUNCE && inReplyTo.isEmpty()) {
			inReplyTo = classifier.returnedMessageIds(text);
		}
		return new ParsedMail(headers.messageId(), inReplyTo, MailHeaders.ids(headers.raw("References")), subject,
				fromAddress, from == null ? null : from.getPersonal(), headers.addresses("To"), headers.addresses("Cc"),
				headers.sentAt(), text, QuotedHistory.fold(text), html, List.copyOf(files), classifier.priority(), kind,
				kind == MailKind.BOUNCE ? classifier.bouncedRecipients(text) : List.of(), size);
	}

	/** The ticket text; adds the HTML body (and a text too long to show) to {@code files}. */
	private static String text(MessageBody body, String html, List<MailPart> files) {
		String plain = String.join("\n\n", body.plain).strip();
		String text = plain.isEmpty() && html != null ? HtmlText.toText(cut(html, LONGEST_TEXT * 5)) : plain;
		if (html != null) {
			files.add(0, new MailPart(HTML_BODY_NAME, "text/html",
					("<meta charset=\"utf-8\">\n" + html).getBytes(StandardCharsets.UTF_8), null));
		}
		if (text.length() > LONGEST_TEXT) {
			files.add(0, new MailPart(TEXT_BODY_NAME, "text/plain", text.getBytes(StandardCharsets.UTF_8), null));
			text = cut(text, LONGEST_TEXT) + "\n\n[The text is cut here; all of it is attached as " + TEXT_BODY_NAME + ".]";
		}
		if (body.truncated) {
			text = text + "\n\n[This message has more parts than the " + MessageBody.MAX_PARTS
					+ " that were read; the rest was left out.]";
		}
		return text.strip();
	}

	/** The first {@code length} characters, not splitting a surrogate pair. */
	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
		return text.substring(0, end);
	}
}
