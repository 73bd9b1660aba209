package org.helpdesk.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts mailbox passwords at rest (the inbox's other settings are in its own record).
 *
 * @param secretKey AES key, base64 (16, 24 or 32 bytes); empty means a key file {@code mailbox-secret.key} under the
 * data dir, created on first use. Every node of a cluster must use the same key.
 */
@ConfigurationProperties("helpdesk.inbox")
record MailboxSecret(@DefaultValue("") String secretKey) {

	@Override
	public String toString() {
		return "MailboxSecret[secretKey=" + (secretKey.isBlank() ? "(key file)" : "***") + "]";
	}
}
