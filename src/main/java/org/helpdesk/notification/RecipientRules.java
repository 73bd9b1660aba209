package org.helpdesk.notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.ticket.TicketStatus;

/**
 * Who hears about what. Addresses are visited in the order submitter, ticket CCs, queue CCs, owner, and the first
 * role that reaches an address wins, so nobody gets the same news twice. The actor never hears about their own
 * action, and the queue's own address never gets mail, which would loop back in as a new ticket.
 */
final class RecipientRules {

	private RecipientRules() {
	}

	/**
	 * Everyone a ticket concerns, as far as mail goes.
	 *
	 * @param submitter the submitter's address, or {@code null}
	 * @param ticketCcs the addresses copied on the ticket
	 * @param queueNewTicketCcs the queue's new-ticket CC addresses
	 * @param queueUpdatedTicketCcs the queue's updated-ticket CC addresses
	 * @param queueAddress the queue's own address, or {@code null}
	 * @param owner the ticket's owner, or {@code null}
	 * @param actorId who acted, or {@code null} for the system itself
	 * @param actorEmail the actor's address, or {@code null}
	 */
	record Parties(String submitter, List<String> ticketCcs, List<String> queueNewTicketCcs,
			List<String> queueUpdatedTicketCcs, String queueAddress, Account owner, Long actorId, String actorEmail) {
	}

	static List<Recipient> opened(Parties p) {
		Mailing mailing = new Mailing(p);
		mailing.add(MailTemplate.NEWTICKET_SUBMITTER, p.submitter());
		mailing.addAll(MailTemplate.NEWTICKET_CC, p.queueNewTicketCcs());
		mailing.addAll(MailTemplate.NEWTICKET_CC, p.queueUpdatedTicketCcs());
		if (p.owner() != null && p.owner().emailOnTicketAssign()) {
			mailing.addOwner(MailTemplate.ASSIGNED_OWNER);
		}
		return mailing.recipients();
	}

	/** A private comment is for staff only: it never reaches the submitter or the ticket's CCs. */
	static List<Recipient> commented(Parties p, boolean isPublic) {
		Mailing mailing = new Mailing(p);
		if (isPublic) {
			mailing.add(MailTemplate.UPDATED_SUBMITTER, p.submitter());
			mailing.addAll(MailTemplate.UPDATED_SUBMITTER, p.ticketCcs());
		}
		mailing.addAll(MailTemplate.UPDATED_CC, p.queueUpdatedTicketCcs());
		if (p.owner() != null && p.owner().emailOnTicketChange()) {
			mailing.addOwner(MailTemplate.UPDATED_OWNER);
		}
		return mailing.recipients();
	}

	static List<Recipient> resolved(Parties p) {
		Mailing mailing = new Mailing(p);
		mailing.add(MailTemplate.RESOLVED_SUBMITTER, p.submitter());
		mailing.addAll(MailTemplate.RESOLVED_SUBMITTER, p.ticketCcs());
		mailing.addAll(MailTemplate.RESOLVED_CC, p.queueUpdatedTicketCcs());
		if (p.owner() != null && p.owner().emailOnTicketChange()) {
			mailing.addOwner(MailTemplate.RESOLVED_OWNER);
		}
		return mailing.recipients();
	}

	/**
	 * A reply or change from staff. The kind of news is the reassignment if there was one, else the resolution or
	 * closing, else a plain update. The submitter and the ticket's CCs only hear of public entries that say
	 * something to them: a comment or the end of the ticket; a reassignment is none of their business, so they get
	 * the plain update about it.
	 */
	static List<Recipient> updated(Parties p, boolean isPublic, boolean reassigned, TicketStatus newStatus,
			boolean commented) {
		boolean finished = newStatus == TicketStatus.RESOLVED || newStatus == TicketStatus.CLOSED;
		String kind = reassigned ? "assigned" : newStatus == TicketStatus.RESOLVED ? "resolved"
				: newStatus == TicketStatus.CLOSED ? "closed" : "updated";
		Mailing mailing = new Mailing(p);
		if (isPublic && (commented || finished)) {
			MailTemplate customer = MailTemplate.of(reassigned ? "updated" : kind, "submitter");
			mailing.add(customer, p.submitter());
			mailing.addAll(customer, p.ticketCcs());
		}
		mailing.addAll(MailTemplate.of(kind, "cc"), p.queueUpdatedTicketCcs());
		Account owner = p.owner();
		if (owner != null && (owner.emailOnTicketChange() || reassigned && owner.emailOnTicketAssign())) {
			mailing.addOwner(MailTemplate.of(kind, "owner"));
		}
		return mailing.recipients();
	}

	/**
	 * The submitter replied through the portal, or accepted the resolution ({@code closed}). The parties name the
	 * submitter as the actor, so they are not told about what they did themselves.
	 */
	static List<Recipient> customerActed(Parties p, boolean closed) {
		String kind = closed ? "closed" : "updated";
		Mailing mailing = new Mailing(p);
		mailing.addAll(MailTemplate.of(kind, "cc"), p.queueUpdatedTicketCcs());
		if (p.owner() != null && p.owner().emailOnTicketChange()) {
			mailing.addOwner(MailTemplate.of(kind, "owner"));
		}
		return mailing.recipients();
	}

	/**
	 * The ticket was merged into another: its submitter must use the other ticket's reference from now on, and so
	 * must its CCs (the original blind-copied them; here each gets a mail of their own). A ticket without a
	 * submitter causes no mail, as in the original.
	 */
	static List<Recipient> merged(Parties p) {
		Mailing mailing = new Mailing(p);
		if (p.submitter() != null && !p.submitter().isBlank()) {
			mailing.add(MailTemplate.MERGED, p.submitter());
			p.ticketCcs().forEach(cc -> mailing.add(MailTemplate.MERGED, cc));
		}
		return mailing.recipients();
	}

	/**
	 * A ticket opened by mail (domain spec §7.5 C): the submitter gets the confirmation with the secret link, as do
	 * the To/Cc addresses of the mail, which are the ticket's CCs by now; the queue's CC lists hear of the new ticket.
	 * Such a ticket has no owner yet.
	 */
	static List<Recipient> openedByMail(Parties p) {
		Mailing mailing = new Mailing(p);
		mailing.add(MailTemplate.NEWTICKET_SUBMITTER, p.submitter());
		mailing.addAll(MailTemplate.NEWTICKET_SUBMITTER, p.ticketCcs());
		mailing.addAll(MailTemplate.NEWTICKET_CC, p.queueNewTicketCcs());
		mailing.addAll(MailTemplate.NEWTICKET_CC, p.queueUpdatedTicketCcs());
		return mailing.recipients();
	}

	/**
	 * A mail added to a ticket (§7.5 D): the submitter (even when they sent it: it confirms it arrived) and the
	 * ticket's CCs, the queue's updated-ticket CCs, and the owner whatever their preferences.
	 */
	static List<Recipient> repliedByMail(Parties p) {
		Mailing mailing = new Mailing(p);
		mailing.add(MailTemplate.UPDATED_SUBMITTER, p.submitter());
		mailing.addAll(MailTemplate.UPDATED_SUBMITTER, p.ticketCcs());
		mailing.addAll(MailTemplate.UPDATED_CC, p.queueUpdatedTicketCcs());
		if (p.owner() != null) {
			mailing.addOwner(MailTemplate.UPDATED_OWNER);
		}
		return mailing.recipients();
	}

	/**
	 * The system escalated a waiting ticket (or, notify-only, found it due): the submitter and the ticket's CCs hear
	 * of it with the customer's mail, the queue's CCs and the owner with the staff mail; no preference keeps the
	 * owner from it (§7.5 G).
	 */
	static List<Recipient> escalated(Parties p) {
		Mailing mailing = new Mailing(p);
		mailing.add(MailTemplate.ESCALATED_SUBMITTER, p.submitter());
		mailing.addAll(MailTemplate.ESCALATED_SUBMITTER, p.ticketCcs());
		mailing.addAll(MailTemplate.ESCALATED_CC, p.queueUpdatedTicketCcs());
		if (p.owner() != null) {
			mailing.addOwner(MailTemplate.ESCALATED_OWNER);
		}
		return mailing.recipients();
	}

	/** Collects recipients, skipping blank, excluded and already reached addresses (case-insensitively). */
	private static final class Mailing {

		private final Parties parties;

		private final Set<String> reached = new HashSet<>();

		private final List<Recipient> recipients = new ArrayList<>();

		Mailing(Parties parties) {
			this.parties = parties;
			reached.add(key(parties.queueAddress()));
			reached.add(key(parties.actorEmail()));
		}

		void add(MailTemplate template, String address) {
			String key = key(address);
			if (!key.isEmpty() && reached.add(key)) {
				recipients.add(new Recipient(template, address.trim()));
			}
		}

		void addAll(MailTemplate template, List<String> addresses) {
			if (addresses != null) {
				addresses.forEach(address -> add(template, address));
			}
		}

		void addOwner(MailTemplate template) {
			Account owner = parties.owner();
			if (owner.active() && owner.hasEmail() && !Long.valueOf(owner.id()).equals(parties.actorId())) {
				add(template, owner.email());
			}
		}

		List<Recipient> recipients() {
			return List.copyOf(recipients);
		}

		private static String key(String address) {
			return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
		}
	}
}
