package org.helpdesk.ticket;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random version-4 UUIDs for the secret links of tickets. {@link UUID#randomUUID()} shares one SecureRandom (and its
 * lock) across all threads; under load every request thread would queue on it.
 */
final class SecretKeys {

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

	private SecretKeys() {
	}

	static String next() {
		byte[] bytes = new byte[16];
		RANDOM.get().nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (bytes[i] & 0xff);
			least = (least << 8) | (bytes[8 + i] & 0xff);
		}
		return new UUID(most, least).toString();
	}
}
