package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Remembers user/password pairs that were verified against the slow hash, so that a script sending thousands of
 * requests is not re-hashed on every one. Keys are an HMAC (with a key that lives only in this process) of user and
 * password; the password itself is never kept. An entry also holds the account's credentials version, so a
 * password, role or active change made on any node invalidates it.
 */
@Component
class CredentialCache {

	record Verified(Account account, int credentialsVersion) {
	}

	private final SecretKeySpec key;

	private final Cache<String, Verified> verified;

	CredentialCache(SecuritySettings settings) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.verified = Caffeine.newBuilder()
			.expireAfterWrite(settings.credentialCacheTtl())
			.maximumSize(settings.credentialCacheSize())
			.build();
	}

	String keyOf(String username, String password) {
		Mac mac = macs.get();
		mac.update(username.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
	}

	// Mac objects are not thread-safe and costly to create; each request thread keeps its own.
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	Verified get(String key) {
		return verified.getIfPresent(key);
	}

	void put(String key, Verified entry) {
		verified.put(key, entry);
	}

	void forget(String key) {
		verified.invalidate(key);
	}

	void forgetAccount(long accountId) {
		verified.asMap().values().removeIf(entry -> entry.account().id() == accountId);
	}
}
