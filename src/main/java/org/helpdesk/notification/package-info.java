/**
 * Tells the people involved in a ticket what happened to it, by e-mail written to an outbox in the transaction of
 * the change and delivered over SMTP afterwards, with retries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "queue", "account", "core" })
package org.helpdesk.notification;
