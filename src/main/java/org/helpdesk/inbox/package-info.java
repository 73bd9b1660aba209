/**
 * Mail that reaches the helpdesk: mailboxes (IMAP, POP3, a local folder) and HTTP push, all through one ingestion
 * path ({@link org.helpdesk.inbox.MailIngestion}); MIME parsing ({@link org.helpdesk.inbox.MailParser}), threading,
 * loop protection, ignore lists and quarantine.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "ticket", "queue", "attachment", "notification", "account", "core" })
package org.helpdesk.inbox;
