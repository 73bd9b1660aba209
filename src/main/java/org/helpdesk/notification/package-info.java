/**
 * Tells the people involved in a ticket what happened to it, by e-mail written to an outbox in the transaction of
 * the change and delivered over SMTP afterwards, with retries.
 */
package org.helpdesk.notification;
