package org.helpdesk.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one mail sits in the recipient's conversation about a ticket. {@code root} is the ticket's thread id
 * ({@code <ticket-42@host>}), the same for every mail about the ticket, so that mail clients threading by
 * References group them all even when a recipient joined late; it names no real message. {@code earlier} holds our
 * own earlier mails to the same recipient about the ticket (the first and the latest), so each mail answers the one
 * before it. {@code answers} is the inbound message this mail is an automatic answer to, if any (RFC 3834).
 */
record MailThread(String root, List<String> earlier, Optional<String> answers) {

	/** A msg-id of RFC 5322 without folding or comments: no spaces, no control characters, nothing that ends it. */
	private static final Pattern MESSAGE_ID = Pattern.compile("<[^\\s<>\\p{Cntrl}]{1,250}>");

	MailThread {
		earlier = List.copyOf(earlier);
	}

	static MailThread of(String root) {
		return new MailThread(root, List.of(), Optional.empty());
	}

	/**
	 * This thread as an answer to an inbound message. The id comes from the sender's mail, so anything that is not
	 * a plain Message-ID (with or without angle brackets) is left out rather than written into a header.
	 */
	MailThread answering(String inboundMessageId) {
		return new MailThread(root, earlier, messageId(inboundMessageId));
	}

	/** This thread after our earlier mails to the recipient, oldest first. */
	MailThread after(List<String> earlierMessageIds) {
		return new MailThread(root, earlierMessageIds, answers);
	}

	/** RFC 3834: {@code auto-replied} for an answer to a message, {@code auto-generated} for everything else. */
	String autoSubmitted() {
		return answers.isPresent() ? "auto-replied" : "auto-generated";
	}

	/** The message this one answers: the inbound one, else our latest mail to the recipient. */
	Optional<String> inReplyTo() {
		return answers.or(() -> earlier.isEmpty() ? Optional.empty() : Optional.of(earlier.get(earlier.size() - 1)));
	}

	/** The References header's ids, oldest first: root, our earlier mails, the inbound message. */
	List<String> references() {
		LinkedHashSet<String> ids = new LinkedHashSet<>();
		if (root != null) {
			ids.add(root);
		}
		ids.addAll(earlier);
		answers.ifPresent(ids::add);
		return List.copyOf(ids);
	}

	/** {@code mail_outbox.thread_refs}: the root, then our earlier mails, separated by spaces. */
	String encodedRefs() {
		List<String> ids = new ArrayList<>();
		if (root != null) {
			ids.add(root);
		}
		ids.addAll(earlier);
		return String.join(" ", ids);
	}

	/** The thread of a stored mail; mail queued before threading was recorded has none. */
	static MailThread decode(String refs, String inReplyTo) {
		Optional<String> answers = Optional.ofNullable(inReplyTo).flatMap(MailThread::messageId);
		if (refs == null || refs.isBlank()) {
			return new MailThread(null, List.of(), answers);
		}
		List<String> ids = Arrays.stream(refs.trim().split(" +")).map(MailThread::messageId)
			.flatMap(Optional::stream).toList();
		if (ids.isEmpty()) {
			return new MailThread(null, List.of(), answers);
		}
		return new MailThread(ids.get(0), ids.subList(1, ids.size()), answers);
	}

	static Optional<String> messageId(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String id = value.strip();
		if (!id.startsWith("<")) {
			id = "<" + id + ">";
		}
		return MESSAGE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
	}
}
