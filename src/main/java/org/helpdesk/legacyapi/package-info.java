/**
 * The seed's form-POST API at /api/{method}/, exactly as existing integrations expect it, and its help page.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "queue", "account", "attachment", "core" })
package org.helpdesk.legacyapi;
