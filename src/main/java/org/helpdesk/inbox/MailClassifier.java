package org.helpdesk.inbox;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * What sort of mail a message is ({@link MailKind}), how urgent its sender marked it, and which addresses a bounce
 * reports as undeliverable. Bounces are recognised before auto-replies (many bounces also say
 * {@code Auto-Submitted}), auto-replies before list mail.
 */
final class MailClassifier {

	private static final Pattern DSN_SUBJECT = Pattern.compile("undeliver|delivery (status|fail|notification|has failed|problem)"
			+ "|returned mail|failure notice|mail delivery (failed|system|subsystem)|non-?delivery|could not be delivered"
			+ "|unable to deliver|unzustellbar|nicht zugestellt|zustellung fehlgeschlagen", Pattern.CASE_INSENSITIVE);

	private static final Set<String> SUPPRESSING = Set.of("dr", "autoreply", "all");

	private static final Pattern QMAIL_RECIPIENT = Pattern.compile("(?m)^<([^<>\\s]+@[^<>\\s]+)>:\\s*$");

	private static final Pattern QMAIL_RETURNED_ID = Pattern.compile("(?im)^message-id:\\s*<([^<>\\s]+)>");

	private static final String QMAIL_COPY = "--- Below this line is a copy of the message.";

	private final MailHeaders headers;

	private final PartType type;

	private final MessageBody body;

	MailClassifier(MailHeaders headers, PartType type, MessageBody body) {
		this.headers = headers;
		this.type = type;
		this.body = body;
	}

	MailKind kind(String fromAddress, String subject) {
		String reportType = type.base().equals("multipart/report") ? String.valueOf(type.reportType()) : "";
		boolean dsn = reportType.equalsIgnoreCase("delivery-status");
		String sender = fromAddress == null ? headers.text("From").toLowerCase(Locale.ROOT)
				: fromAddress.substring(0, fromAddress.indexOf('@'));
		boolean daemon = sender.contains("mailer-daemon") || sender.contains("postmaster");
		boolean nullSender = headers.text("Return-Path").replace(" ", "").equals("<>");
		boolean dsnSubject = DSN_SUBJECT.matcher(subject).find();
		if (dsn || ((daemon || nullSender) && dsnSubject) || (nullSender && !body.deliveryStatus.isEmpty())) {
			return MailKind.BOUNCE;
		}
		if (autoReply() || reportType.equalsIgnoreCase("disposition-notification")) {
			return MailKind.AUTO_REPLY;
		}
		if (headers.has("List-Id") || headers.has("List-Unsubscribe")
				|| Set.of("bulk", "junk", "list").contains(precedence())) {
			return MailKind.LIST;
		}
		return MailKind.PERSONAL;
	}

	private boolean autoReply() {
		String submitted = headers.text("Auto-Submitted").split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (!submitted.isEmpty() && !submitted.equals("no")) {
			return true;
		}
		for (String value : headers.text("X-Auto-Response-Suppress").toLowerCase(Locale.ROOT).split("[,;\\s]+")) {
			if (SUPPRESSING.contains(value)) {
				return true;
			}
		}
		return headers.has("X-Autoreply") || headers.has("X-Autorespond") || precedence().equals("auto_reply");
	}

	private String precedence() {
		return headers.text("Precedence").toLowerCase(Locale.ROOT);
	}

	/** 2 for mail marked urgent or important, else null. */
	Integer priority() {
		String xPriority = headers.text("X-Priority");
		String importance = headers.text("Importance").toLowerCase(Locale.ROOT);
		String priority = headers.text("Priority").toLowerCase(Locale.ROOT);
		boolean urgent = xPriority.startsWith("1") || xPriority.startsWith("2") || importance.equals("high")
				|| priority.equals("urgent") || headers.text("X-MSMail-Priority").equalsIgnoreCase("high");
		return urgent ? 2 : null;
	}

	/**
	 * The addresses a bounce reports as failed: from a DSN, each recipient whose Status is 5.x.x (the
	 * Original-Recipient when given, else the Final-Recipient); from a qmail bounce, the addresses listed before
	 * the copy of the message when it says the error is permanent.
	 */
	List<String> bouncedRecipients(String text) {
		Set<String> failed = new LinkedHashSet<>();
		for (byte[] status : body.deliveryStatus) {
			for (InternetHeaders block : blocks(status)) {
				if (block.getHeader("Status", null) != null && block.getHeader("Status", null).strip().startsWith("5")) {
					String recipient = block.getHeader("Original-Recipient", null);
					recipient = recipient != null ? recipient : block.getHeader("Final-Recipient", null);
					addRecipient(failed, recipient);
				}
			}
		}
		int copy = text.indexOf(QMAIL_COPY);
		if (failed.isEmpty() && text.contains("This is a permanent error")) {
			Matcher recipient = QMAIL_RECIPIENT.matcher(copy < 0 ? text : text.substring(0, copy));
			while (recipient.find()) {
				failed.add(recipient.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(failed);
	}

	/** The Message-IDs of the message a bounce returns, so the bounce can be recorded on its ticket. */
	List<String> returnedMessageIds(String text) {
		List<String> ids = new ArrayList<>(body.returnedMessageIds);
		int copy = text.indexOf(QMAIL_COPY);
		if (ids.isEmpty() && copy >= 0) {
			Matcher id = QMAIL_RETURNED_ID.matcher(text.substring(copy));
			if (id.find()) {
				ids.add(id.group(1));
			}
		}
		return ids;
	}

	private static void addRecipient(Set<String> failed, String field) {
		if (field != null) {
			String address = field.substring(field.indexOf(';') + 1).replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
			if (address.contains("@")) {
				failed.add(address);
			}
		}
	}

	/** The header blocks of a delivery-status body: per message first, then one per recipient. */
	private static List<InternetHeaders> blocks(byte[] status) {
		List<InternetHeaders> blocks = new ArrayList<>();
		ByteArrayInputStream in = new ByteArrayInputStream(status);
		try {
			while (in.available() > 0 && blocks.size() < 1000) {
				blocks.add(new InternetHeaders(in));
			}
		}
		catch (MessagingException | RuntimeException malformed) {
			// the blocks read so far stand
		}
		return blocks;
	}
}
