package org.helpdesk.notification;

/**
 * One mail to send: which template, to which address.
 */
record Recipient(MailTemplate template, String address) {
}
