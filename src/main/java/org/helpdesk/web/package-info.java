/**
 * Staff pages: sign-in, dashboard, ticket list and ticket page, administration.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "ticketlist", "queue", "inbox", "account", "attachment", "customfield", "notification",
				"escalation", "webhook", "core" })
package org.helpdesk.web;
