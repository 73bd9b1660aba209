/**
 * Queues (departments) and their settings: addresses, CC lists, escalation, public and e-mail submission, mailboxes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "core" })
package org.helpdesk.queue;
