/**
 * Staff pages: sign-in, dashboard, ticket list and ticket page, administration.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "ticketlist", "queue", "inbox", "account", "attachment", "customfield", "notification",
				"escalation", "core" })
package org.helpdesk.web;
