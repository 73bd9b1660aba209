/**
 * The JSON API under /api/v1: administration of queues and users, and reading tickets.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "ticketlist", "queue", "inbox", "account", "attachment", "customfield", "escalation",
				"webhook", "core" })
package org.helpdesk.restapi;
