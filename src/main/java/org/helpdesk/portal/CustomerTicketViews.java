package org.helpdesk.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.helpdesk.account.Account;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.FollowUpView;
import org.helpdesk.ticket.MailOriginals;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer may read: the ticket a secret link opens, shaped into what the customer may see (no owner, no
 * CCs, no private entries), its public files, and the list of their own tickets.
 */
@Service
@Transactional(readOnly = true)
class CustomerTicketViews {

	/** A customer's own list is for finding recent tickets, not an archive; older ones stay reachable by link. */
	static final int LIST_LIMIT = 200;

	private final TicketReader tickets;

	private final SubmitterTickets submitted;

	private final AttachmentStore files;

	private final MailOriginals originals;

	CustomerTicketViews(TicketReader tickets, SubmitterTickets submitted, AttachmentStore files,
			MailOriginals originals) {
		this.tickets = tickets;
		this.submitted = submitted;
		this.files = files;
		this.originals = originals;
	}

	Optional<CustomerTicket> view(CustomerAccess access) {
		return tickets.presentedBy(access).map(this::customerView);
	}

	/** A file attached to a public follow-up of the ticket; private entries' files stay out of reach. */
	Optional<CustomerDownload> attachment(CustomerAccess access, long attachmentId) {
		return tickets.presentedBy(access)
			.filter(t -> hasPublicAttachment(t.id(), attachmentId))
			.flatMap(t -> tickets.attachment(t.id(), attachmentId))
			.map(a -> new CustomerDownload(a.filename(), a.mimeType(), a.size(), () -> files.open(a.storageKey())));
	}

	/** The sanitised original HTML of a mail that made a public follow-up; private entries' stay out of reach. */
	Optional<MailOriginals.Original> original(CustomerAccess access, long attachmentId) {
		return tickets.presentedBy(access).flatMap(t -> originals.of(t.id(), attachmentId))
			.filter(MailOriginals.Original::isPublic);
	}

	/** The tickets submitted with the account's e-mail address, newest first (at most {@link #LIST_LIMIT}). */
	List<CustomerTicketSummary> submittedBy(Account account) {
		if (account == null || !account.hasEmail()) {
			return List.of();
		}
		return submitted.bySubmitter(account.email(), LIST_LIMIT);
	}

	private CustomerTicket customerView(TicketDetails t) {
		List<FollowUpView> shown = publicFollowUps(t.id());
		List<CustomerFollowUp> followUps = new ArrayList<>();
		for (FollowUpView f : shown) {
			// the opening entry repeats the description shown above the timeline; keep only its files
			boolean opening = followUps.isEmpty() && f.comment() != null && f.comment().equals(t.description());
			followUps.add(new CustomerFollowUp(f.id(), f.date(), f.title(), opening ? null : f.comment(),
					f.userId() != null, f.newStatus(), f.attachments(), f.originalHtml()));
		}
		// a resolution typed into a private reply is an internal note: the ticket knows which kind it holds
		return new CustomerTicket(t.ref(), t.title(), t.status(), t.priority(), t.onHold(), t.created(), t.modified(),
				t.description(), t.publicResolution().orElse(null), followUps);
	}

	private boolean hasPublicAttachment(long ticketId, long attachmentId) {
		return publicFollowUps(ticketId).stream()
			.anyMatch(f -> f.attachments().stream().anyMatch(a -> a.id() == attachmentId));
	}

	private List<FollowUpView> publicFollowUps(long ticketId) {
		return tickets.followUps(ticketId).stream().filter(FollowUpView::isPublic).toList();
	}
}
