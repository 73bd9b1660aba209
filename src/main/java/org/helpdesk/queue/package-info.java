/**
 * Queues (departments) and their settings: addresses, CC lists, escalation, public and e-mail submission.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "core" })
package org.helpdesk.queue;
