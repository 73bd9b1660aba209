package org.helpdesk.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Text from a mail made fit for a ticket. People did not type it into our forms, so instead of refusing what the
 * forms refuse (control characters, undecodable bytes, great length) it is cleaned: the full message stays with the
 * follow-up as a file.
 */
final class MailText {

	/** The longest comment a ticket takes (the ticket module's limit for typed text). */
	static final int MAX_COMMENT = 100_000;

	static final int MAX_TITLE = 200;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\r\\n]]");

	private static final Pattern REPLY_PREFIX = Pattern.compile(
			"^(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|automatic reply|automatische antwort)\\s*(?:\\[\\d+\\])?\\s*:\\s*)+",
			Pattern.CASE_INSENSITIVE);

	private MailText() {
	}

	/** Text for a comment: no control characters but tab and line breaks, no replacement characters, not too long. */
	static String comment(String text) {
		if (text == null) {
			return "";
		}
		return clip(CONTROL.matcher(text).replaceAll("").replace('\uFFFD', '?'), MAX_COMMENT);
	}

	/** A ticket title from a subject: one line, without "Re:"/"Fwd:" and their kin in front. */
	static String title(String subject) {
		String line = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replace('\uFFFD', '?');
		return clip(REPLY_PREFIX.matcher(line.strip()).replaceFirst("").strip(), MAX_TITLE);
	}

	static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** For a message without a Message-ID: the same bytes always give the same id, so a copy is still a duplicate. */
	static String syntheticMessageId(byte[] raw) {
		return "sha256-" + sha256(raw) + "@helpdesk.invalid";
	}

	/** A Message-ID that fits the column: a longer one is replaced by its hash. */
	static String storableMessageId(String messageId) {
		if (messageId.length() <= 250) {
			return messageId;
		}
		return "sha256-" + sha256(messageId.getBytes(StandardCharsets.UTF_8)) + "@helpdesk.invalid";
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}
