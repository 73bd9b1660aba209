package org.helpdesk.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.helpdesk.core.Input;
import org.helpdesk.notification.NotificationSettings;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.MailChange;
import org.helpdesk.ticket.MailTickets;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketMail;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * What one message (already claimed as new for its queue) does, inside the ingesting transaction: an ignore rule or
 * a sender over the rate limit has the message quarantined (see {@link SenderOverLimit}); an automatic answer, a bounce or list mail never opens a ticket or mails
 * anybody, but is recorded as a private note on a ticket it refers to; a person's mail follows up the ticket it
 * refers to, or opens one in the queue.
 */
@Component
class MailDecisions {

	/** More To/Cc addresses than this on a new mail are not all made CCs. */
	static final int MAX_NEW_CCS = 50;

	private final IgnoreRules ignoreRules;

	private final InboundMessages inbound;

	private final MailThreading threading;

	private final MailTickets tickets;

	private final BouncingAddresses bounces;

	private final QueueManagement queues;

	private final InboxSettings settings;

	private final String helpdeskAddress;

	MailDecisions(IgnoreRules ignoreRules, InboundMessages inbound, MailThreading threading, MailTickets tickets,
			BouncingAddresses bounces, QueueManagement queues, InboxSettings settings,
			NotificationSettings notification) {
		this.ignoreRules = ignoreRules;
		this.inbound = inbound;
		this.threading = threading;
		this.tickets = tickets;
		this.bounces = bounces;
		this.queues = queues;
		this.settings = settings;
		this.helpdeskAddress = bareAddress(notification.from());
	}

	IngestOutcome decide(Queue queue, ParsedMail mail, String messageId, Instant now) {
		Optional<IgnoreRules.IgnoreVerdict> ignore = ignoreRules.match(queue.id(), mail.fromAddress());
		if (ignore.isPresent()) {
			return IngestOutcome.ignored("ignore rule " + ignore.get().ruleName(), ignore.get().keepInMailbox());
		}
		if (mail.fromAddress() != null
				&& inbound.countFrom(queue.id(), mail.fromAddress(), now.minus(settings.senderWindow())) > settings
					.senderLimit()) {
			throw new SenderOverLimit("rate limit: more than " + settings.senderLimit() + " messages from "
					+ mail.fromAddress() + " within " + settings.senderWindow().toMinutes() + " minutes");
		}
		Optional<TicketDetails> ticket = threading.ticketFor(mail);
		if (mail.kind() != MailKind.PERSONAL) {
			return automatic(mail, messageId, ticket, now);
		}
		Optional<String> sender = usableSender(mail);
		TicketMail ticketMail = new TicketMail(messageId, sender.orElse(null), MailText.title(mail.subject()),
				MailText.comment(mail.newText()), MailText.comment(mail.text()), mail.priority(), uploads(mail));
		String remark = sender.isPresent() ? null : "the sender's address is missing or unusable; nobody can be mailed";
		if (ticket.isPresent()) {
			MailChange change = tickets.replyByMail(ticket.get().id(), ticketMail);
			return IngestOutcome.followUp(change.ticketId(), change.followUpId(), remarks(remark, change));
		}
		MailChange change = tickets.openByMail(queue.id(), ticketMail, newCcs(mail));
		return IngestOutcome.created(change.ticketId(), change.followUpId(), remarks(remark, change));
	}

	/** Never a new ticket and never a mail, so that two automatic systems cannot answer each other forever. */
	private IngestOutcome automatic(ParsedMail mail, String messageId, Optional<TicketDetails> ticket, Instant now) {
		String what = switch (mail.kind()) {
			case BOUNCE -> "Delivery failure report";
			case LIST -> "Mailing-list mail";
			default -> "Automatic reply";
		};
		String text = MailText.comment(mail.text());
		if (mail.kind() == MailKind.BOUNCE) {
			bounces.mark(mail.bouncedRecipients(), ticket.map(TicketDetails::id).orElse(null), now);
			if (!mail.bouncedRecipients().isEmpty()) {
				text = "Undeliverable to: " + String.join(", ", mail.bouncedRecipients()) + "\n\n" + text;
			}
		}
		if (ticket.isEmpty()) {
			return IngestOutcome.ignored(what + " that refers to no ticket: no ticket opened, nobody mailed", false);
		}
		String from = mail.fromAddress() == null ? "an unknown sender" : mail.fromAddress();
		MailChange note = tickets.noteByMail(ticket.get().id(), messageId, what + " from " + from,
				MailText.comment(text));
		return IngestOutcome.followUp(note.ticketId(), note.followUpId(),
				what + " recorded as a private note; nobody mailed");
	}

	private static Optional<String> usableSender(ParsedMail mail) {
		return Optional.ofNullable(mail.fromAddress()).map(String::trim).filter(Input::isEmailAddress);
	}

	private static List<org.helpdesk.attachment.Upload> uploads(ParsedMail mail) {
		return mail.attachments().stream()
			.map(part -> new org.helpdesk.attachment.Upload(part.fileName(), part.contentType(), part.content().length,
					new ByteArrayResource(part.content())))
			.toList();
	}

	/** To and Cc of a new mail, without the sender and without any address of the helpdesk itself. */
	private List<String> newCcs(ParsedMail mail) {
		Set<String> own = new LinkedHashSet<>();
		queues.list().stream().map(Queue::emailAddress).filter(a -> a != null && !a.isBlank())
			.forEach(a -> own.add(a.trim().toLowerCase(Locale.ROOT)));
		own.add(helpdeskAddress);
		own.add(String.valueOf(mail.fromAddress()).trim().toLowerCase(Locale.ROOT));
		return Stream.concat(mail.to().stream(), mail.cc().stream())
			.map(a -> a.trim().toLowerCase(Locale.ROOT))
			.filter(Input::isEmailAddress)
			.filter(a -> !own.contains(a))
			.distinct()
			.limit(MAX_NEW_CCS)
			.toList();
	}

	private static String remarks(String remark, MailChange change) {
		List<String> all = new ArrayList<>();
		if (remark != null) {
			all.add(remark);
		}
		change.skippedFiles().forEach(file -> all.add("attachment not kept: " + file));
		return all.isEmpty() ? null : String.join("; ", all);
	}

	private static String bareAddress(String address) {
		String value = address == null ? "" : address.trim();
		int open = value.lastIndexOf('<');
		int close = value.lastIndexOf('>');
		if (open >= 0 && close > open) {
			value = value.substring(open + 1, close);
		}
		return value.toLowerCase(Locale.ROOT);
	}
}
