package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A ticket as channels and notifications read it. {@code ref} is {@code <queue slug>-<id>}. {@code resolutionPublic}
 * tells whether the resolution came from a public follow-up: one typed into a private reply is an internal note
 * that must never reach the submitter or a CC.
 */
public record TicketDetails(long id, String ref, long queueId, String title, String description, String resolution,
		String submitterEmail, Long ownerId, TicketStatus status, int priority, boolean onHold, Instant dueDate,
		Instant created, Instant modified, String secretKey, List<String> ccEmails, boolean resolutionPublic,
		int version) {

	/** The resolution as customers may read it: only one given in a public follow-up. */
	public Optional<String> publicResolution() {
		return resolutionPublic ? Optional.ofNullable(resolution) : Optional.empty();
	}
}
