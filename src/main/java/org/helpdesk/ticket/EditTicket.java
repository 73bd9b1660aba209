package org.helpdesk.ticket;

import java.time.Instant;

/**
 * Correcting what a ticket says: the complete new title, description, submitter address, priority and due date
 * ({@code dueDate} null: the ticket has none), as edited on top of version {@code seenVersion}; if someone saved
 * since, the edit is refused rather than overwriting their change.
 */
public record EditTicket(String title, String description, String submitterEmail, int priority, Instant dueDate,
		int seenVersion) {

	String trimmedTitle() {
		return title.trim();
	}

	String descriptionOrNone() {
		return description == null || description.isBlank() ? null : description;
	}

	String submitterOrNone() {
		return submitterEmail == null || submitterEmail.isBlank() ? null : submitterEmail.trim();
	}
}
