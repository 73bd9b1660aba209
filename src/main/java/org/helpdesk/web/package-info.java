/**
 * Staff pages: sign-in, dashboard, ticket list and ticket page, administration.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "ticketlist", "queue", "account", "attachment", "customfield", "notification",
				"core", "inbox" })
package org.helpdesk.web;
