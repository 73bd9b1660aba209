/**
 * The ticket aggregate: follow-ups, history, CCs and attachments; the one place where status rules live.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "account", "queue", "attachment", "customfield", "core" })
package org.helpdesk.ticket;
