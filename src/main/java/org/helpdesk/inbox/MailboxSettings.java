package org.helpdesk.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mailboxes are polled. The key that encrypts mailbox passwords ({@code helpdesk.inbox.secret-key}) is read by
 * the queue module, which stores them.
 *
 * @param pollEnabled whether this node polls mailboxes at all (the connection test works either way)
 * @param poolSize how many mailboxes this node polls at the same time; one slow server holds one thread only
 * @param tick how often the node looks for mailboxes that are due
 * @param connectTimeout how long connecting to a mail server may take
 * @param readTimeout how long a mail server may leave a request unanswered
 * @param idle whether IMAP mailboxes whose server offers IDLE are watched, so that new mail is fetched at once
 * @param idleRenew how long one IDLE session lasts before it is renewed (servers drop idle ones after ~30 min)
 * @param batchSize at most this many messages per poll; a fuller mailbox is polled again right away
 * @param ingestThreads how many messages of a poll this node takes in at the same time (for all its mailboxes
 * together); messages that may thread onto each other still go one after another (see {@link BatchIngestion})
 * @param lockAtMost how long one node may hold a mailbox: after a crash mid-poll, another node takes it over after
 * this long; a poll stops taking messages after half of it and goes on in the next one
 * @param trustAllCertificates accept any TLS certificate (tests with a self-signed server only, never production)
 */
@ConfigurationProperties("helpdesk.inbox")
record MailboxSettings(@DefaultValue("true") boolean pollEnabled, @DefaultValue("4") int poolSize,
		@DefaultValue("1s") Duration tick, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("true") boolean idle,
		@DefaultValue("5m") Duration idleRenew, @DefaultValue("1000") int batchSize, @DefaultValue("8") int ingestThreads,
		@DefaultValue("5m") Duration lockAtMost, @DefaultValue("false") boolean trustAllCertificates) {
}
