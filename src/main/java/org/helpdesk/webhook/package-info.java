/**
 * Webhooks: administrators register endpoints; every change of the ticket change log that an endpoint asks for is
 * delivered to it after commit, signed, in order per ticket, with retries, on threads of its own.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "queue", "account", "notification", "core" })
package org.helpdesk.webhook;
