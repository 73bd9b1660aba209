package org.helpdesk.inbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.core.SystemActor;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.ticket.OpenTicket;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way inbound mail changes the helpdesk, whatever brought it (a mailbox poller, a folder, HTTP push): the
 * message is parsed, threaded to a ticket or opens one in the mailbox's queue, and the answer is given only after
 * that change has committed, so a caller may then delete the message from its source.
 * <p>
 * WALKING SKELETON: subject-tag threading only; no duplicates, quarantine, loop protection, CCs or reopening yet.
 */
@Service
public class MailIngestion {

	private static final Pattern SUBJECT_TAG = Pattern.compile("\\[([A-Za-z0-9_-]+)-(\\d{1,18})\\]");

	private final MailParser parser;

	private final IgnoreRules ignoreRules;

	private final TicketManagement tickets;

	private final TicketReader reader;

	private final QueueManagement queues;

	MailIngestion(MailParser parser, IgnoreRules ignoreRules, TicketManagement tickets, TicketReader reader,
			QueueManagement queues) {
		this.parser = parser;
		this.ignoreRules = ignoreRules;
		this.tickets = tickets;
		this.reader = reader;
		this.queues = queues;
	}

	/** Takes one raw message in for the queue; answers after the change (if any) has committed. */
	@Transactional
	public IngestOutcome ingest(long queueId, byte[] raw, MailSource source) {
		queues.get(queueId);
		ParsedMail mail = parser.parse(raw);
		Optional<IgnoreRules.IgnoreVerdict> ignore = ignoreRules.match(queueId, mail.fromAddress());
		if (ignore.isPresent()) {
			return IngestOutcome.ignored("ignore rule " + ignore.get().ruleName(), ignore.get().keepInMailbox());
		}
		Optional<TicketDetails> ticket = taggedTicket(mail.subject());
		if (ticket.isPresent()) {
			long followUpId = tickets.comment(ticket.get().id(), text(mail), true, SystemActor.INSTANCE);
			return IngestOutcome.followUp(ticket.get().id(), followUpId);
		}
		String title = mail.subject().isBlank() ? "Comment from e-mail" : mail.subject();
		long id = tickets.open(OpenTicket.of(queueId, title, text(mail)).from(mail.fromAddress()), SystemActor.INSTANCE);
		return IngestOutcome.created(id, 0);
	}

	private Optional<TicketDetails> taggedTicket(String subject) {
		Matcher tag = SUBJECT_TAG.matcher(subject);
		while (tag.find()) {
			Optional<TicketDetails> ticket = reader.details(Long.parseLong(tag.group(2)))
				.filter(t -> t.ref().equals(tag.group(1) + "-" + tag.group(2)));
			if (ticket.isPresent()) {
				return ticket;
			}
		}
		return Optional.empty();
	}

	private static String text(ParsedMail mail) {
		return mail.newText().isBlank() ? "(no text)" : mail.newText();
	}
}
