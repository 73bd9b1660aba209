package org.helpdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks what a customer presents against the ticket: the one place that decides whether a secret link opens it.
 */
@Component
class CustomerKeys {

	private final Tickets tickets;

	CustomerKeys(Tickets tickets) {
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

	// constant time, so that response times do not tell how much of a guessed key was right
	private static boolean sameKey(String expected, String given) {
		return expected != null && !expected.isEmpty() && MessageDigest.isEqual(
				expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}
}
