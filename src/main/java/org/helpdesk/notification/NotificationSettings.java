package org.helpdesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ticket mail is sent. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} mail is kept in the outbox until one is configured.
 *
 * @param from the sender of mail about tickets in queues that have no e-mail address of their own
 * @param pollInterval how long the dispatcher waits between two looks at the outbox; new mail is also sent right
 * after the change that causes it commits, so this mostly bounds how soon retries happen
 * @param maxBackoff the longest wait between two attempts to deliver one mail; it also bounds how long mail stays
 * queued after an SMTP outage ends
 * @param batchSize how many mails one node claims, renders and sends over one SMTP connection at a time
 * @param lease how long a claimed mail is reserved for the node that claimed it; after that another node may send
 * it, so it must be longer than one batch can take to send
 */
@ConfigurationProperties("helpdesk.mail")
public record NotificationSettings(@DefaultValue("helpdesk@localhost") String from,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration maxBackoff,
		@DefaultValue("100") int batchSize, @DefaultValue("2m") Duration lease) {
}
