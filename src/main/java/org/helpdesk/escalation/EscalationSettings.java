package org.helpdesk.escalation;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How escalation runs.
 *
 * @param enabled whether this node runs the escalation cycle on its own schedule
 * @param interval how often a cycle runs (one node runs each cycle; see {@link Escalation#runOnceAcrossNodes})
 * @param notifyOnly whether a cycle only tells people about due tickets, changing nothing about them
 * @param timeZone where the helpdesk's days begin and end: exclusion dates are days in this zone
 */
@ConfigurationProperties("helpdesk.escalation")
record EscalationSettings(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration interval,
		@DefaultValue("false") boolean notifyOnly, @DefaultValue("UTC") ZoneId timeZone) {
}
