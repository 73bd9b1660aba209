package org.helpdesk.ticket;

import java.time.Instant;

/**
 * What makes a ticket due for escalation: it has waited since {@code waitingSince} or longer, which is
 * {@code workingDays} days that count (without the queue's exclusion dates) before now.
 */
public record EscalationDue(Instant waitingSince, int workingDays) {
}
