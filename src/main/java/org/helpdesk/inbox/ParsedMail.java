package org.helpdesk.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One inbound message as the helpdesk reads it. Addresses are plain {@code local@domain} strings, lower-cased
 * domain; Message-IDs are without angle brackets. {@code text} is the whole plain text (derived from the HTML when
 * the mail has no plain part); {@code newText} is what the sender wrote this time, with quoted history and the
 * signature folded away (equal to {@code text} when nothing could be folded). {@code subject} is decoded and never
 * null (empty when the mail had none). {@code priority} is 2 for mail marked urgent/high, else null.
 * {@code bouncedRecipients} are the addresses a {@link MailKind#BOUNCE} reports as undeliverable (a bounce's
 * {@code inReplyTo} is the Message-ID of the message it returns, when it has none of its own). {@code html} is the
 * HTML body as sent (null when there is none; also among the attachments as {@link MailParser#HTML_BODY_NAME}):
 * it may hold scripts and must never be shown unsanitised.
 */
public record ParsedMail(String messageId, List<String> inReplyTo, List<String> references, String subject,
		String fromAddress, String fromName, List<String> to, List<String> cc, Instant sentAt, String text,
		String newText, String html, List<MailPart> attachments, Integer priority, MailKind kind,
		List<String> bouncedRecipients, int sizeBytes) {

	/** Every Message-ID this message answers: In-Reply-To first, then References from the newest back. */
	public List<String> answeredIds() {
		java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>(inReplyTo);
		List<String> refs = new java.util.ArrayList<>(references);
		java.util.Collections.reverse(refs);
		ids.addAll(refs);
		return List.copyOf(ids);
	}
}
