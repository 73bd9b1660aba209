package org.helpdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks what a customer presents against the ticket, and shapes the ticket into what the customer may see.
 */
@Component
class CustomerTicketViews {

	private final Tickets tickets;

	CustomerTicketViews(Tickets tickets) {
		this.tickets = tickets;
	}

	/** The ticket, when reference, submitter address (any case) and secret key (exactly) all match. */
	Optional<TicketDetails> permitted(CustomerAccess access) {
		if (access == null || !access.isComplete() || access.ticketId().isEmpty()) {
			return Optional.empty();
		}
		return tickets.details(access.ticketId().getAsLong())
			.filter(t -> t.submitterEmail() != null && t.submitterEmail().trim().equalsIgnoreCase(access.email().trim()))
			.filter(t -> sameKey(t.secretKey(), access.key().trim()));
	}

	CustomerTicket customerView(TicketDetails t) {
		List<FollowUpView> shown = publicFollowUps(t.id());
		List<CustomerFollowUp> followUps = new ArrayList<>();
		for (FollowUpView f : shown) {
			// the opening entry repeats the description shown above the timeline; keep only its files
			boolean opening = followUps.isEmpty() && f.comment() != null && f.comment().equals(t.description());
			followUps.add(new CustomerFollowUp(f.id(), f.date(), f.title(), opening ? null : f.comment(),
					f.userId() != null, f.newStatus(), f.attachments()));
		}
		// a resolution typed into a private reply is an internal note: the ticket knows which kind it holds
		return new CustomerTicket(t.ref(), t.title(), t.status(), t.priority(), t.onHold(), t.created(), t.modified(),
				t.description(), t.publicResolution().orElse(null), followUps);
	}

	boolean hasPublicAttachment(long ticketId, long attachmentId) {
		return publicFollowUps(ticketId).stream()
			.anyMatch(f -> f.attachments().stream().anyMatch(a -> a.id() == attachmentId));
	}

	private List<FollowUpView> publicFollowUps(long ticketId) {
		return tickets.followUps(ticketId).stream().filter(FollowUpView::isPublic).toList();
	}

	// constant time, so that response times do not tell how much of a guessed key was right
	private static boolean sameKey(String expected, String given) {
		return expected != null && !expected.isEmpty() && MessageDigest.isEqual(
				expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}
}
