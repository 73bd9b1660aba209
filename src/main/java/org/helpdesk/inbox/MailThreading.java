package org.helpdesk.inbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.notification.SentMessages;
import org.helpdesk.ticket.MailTickets;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketReader;
import org.springframework.stereotype.Component;

/**
 * Finds the ticket a mail belongs to, in this order: a Message-ID it answers (In-Reply-To, then References from the
 * newest back) that is one of the mails we took in or one of the mails we sent; then a {@code [slug-id]} tag in the
 * subject, of any queue. Either way a merged ticket leads to the ticket it was merged into. A bounce names the mail
 * it returns inside its attached copy, so that copy is read as well.
 */
@Component
class MailThreading {

	static final Pattern SUBJECT_TAG = Pattern.compile("\\[([A-Za-z0-9_-]+)-(\\d{1,18})\\]");

	private final MailTickets tickets;

	private final SentMessages sent;

	private final TicketReader reader;

	private final MailParser parser;

	MailThreading(MailTickets tickets, SentMessages sent, TicketReader reader, MailParser parser) {
		this.tickets = tickets;
		this.reader = reader;
		this.sent = sent;
		this.parser = parser;
	}

	Optional<TicketDetails> ticketFor(ParsedMail mail) {
		Optional<TicketDetails> ticket = byAnsweredIds(mail.answeredIds()).or(() -> bySubjectTag(mail.subject()));
		if (ticket.isEmpty() && mail.kind() == MailKind.BOUNCE) {
			return returnedCopy(mail).flatMap(this::ticketFor);
		}
		return ticket;
	}

	private Optional<TicketDetails> byAnsweredIds(List<String> ids) {
		for (String id : ids) {
			Optional<TicketDetails> ticket = tickets.byMessageId(MailText.storableMessageId(id))
				.or(() -> sent.ticketForMessageId(id).flatMap(tickets::current));
			if (ticket.isPresent()) {
				return ticket;
			}
		}
		return Optional.empty();
	}

	/** A tag counts only when its slug is the ticket's queue's (a tag with a wrong slug is someone else's number). */
	private Optional<TicketDetails> bySubjectTag(String subject) {
		Matcher tag = SUBJECT_TAG.matcher(subject == null ? "" : subject);
		while (tag.find()) {
			String ref = tag.group(1) + "-" + tag.group(2);
			Optional<TicketDetails> tagged = reader.details(Long.parseLong(tag.group(2)))
				.filter(t -> t.ref().equalsIgnoreCase(ref));
			if (tagged.isPresent()) {
				return tickets.current(tagged.get().id());
			}
		}
		return Optional.empty();
	}

	/** The copy of our mail that a bounce sends back (a message/rfc822 or text/rfc822-headers part), if readable. */
	private Optional<ParsedMail> returnedCopy(ParsedMail bounce) {
		return bounce.attachments().stream()
			.filter(part -> part.contentType() != null && (part.contentType().toLowerCase().startsWith("message/rfc822")
					|| part.contentType().toLowerCase().startsWith("text/rfc822-headers")))
			.findFirst()
			.flatMap(part -> {
				try {
					return Optional.of(parser.parse(part.content()));
				}
				catch (UnreadableMail unreadable) {
					return Optional.empty();
				}
			})
			.filter(copy -> copy.kind() != MailKind.BOUNCE);
	}
}
