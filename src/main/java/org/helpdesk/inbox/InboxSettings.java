package org.helpdesk.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How inbound mail is taken in, whatever channel brings it.
 *
 * @param maxMessageSize the largest raw message taken in; the HTTP push answers a larger one 413
 * @param senderLimit how many messages one sender address may send to one queue within {@code senderWindow}; the
 * ones beyond are answered {@code ignored} (counted on the database, so across all nodes)
 * @param senderWindow the window of that limit
 */
@ConfigurationProperties("helpdesk.inbox")
public record InboxSettings(@DefaultValue("25MB") DataSize maxMessageSize, @DefaultValue("20") int senderLimit,
		@DefaultValue("10m") Duration senderWindow) {
}
