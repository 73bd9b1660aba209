package org.helpdesk.notification;

/**
 * The plain-text and HTML alternatives of one mail.
 */
record MailBodies(String text, String html) {
}
