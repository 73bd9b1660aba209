package org.helpdesk.account;

import java.time.Duration;

import org.helpdesk.account.CredentialCache.Verified;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of verified logins: keyed by a per-process HMAC, never by the password itself.
 */
class CredentialCacheTest {

	private static SecuritySettings settings(Duration ttl) {
		return new SecuritySettings(4, ttl, 100, 10, Duration.ofMinutes(5));
	}

	private final CredentialCache cache = new CredentialCache(settings(Duration.ofMinutes(5)));

	@Test
	void theSameCredentialsAlwaysGiveTheSameKey() {
		assertThat(cache.keyOf("susan", "fido-fido")).isEqualTo(cache.keyOf("susan", "fido-fido"));
	}

	@Test
	void anyDifferenceInUserOrPasswordGivesAnotherKey() {
		String key = cache.keyOf("susan", "fido-fido");

		assertThat(cache.keyOf("susan", "fido-fidO")).isNotEqualTo(key);
		assertThat(cache.keyOf("Susan", "fido-fido")).isNotEqualTo(key);
		assertThat(cache.keyOf("susanf", "ido-fido")).isNotEqualTo(key);
		assertThat(cache.keyOf("susan", "")).isNotEqualTo(cache.keyOf("susa", "n"));
	}

	@Test
	void theKeyRevealsNeitherPasswordNorUserAndIsAFixedLengthHmac() {
		String key = cache.keyOf("susan", "fido-fido");

		assertThat(key).doesNotContain("fido").doesNotContain("susan").matches("[0-9a-f]{64}");
	}

	@Test
	void anotherProcessUsesAnotherSecretKey() {
		CredentialCache other = new CredentialCache(settings(Duration.ofMinutes(5)));

		assertThat(other.keyOf("susan", "fido-fido")).isNotEqualTo(cache.keyOf("susan", "fido-fido"));
	}

	@Test
	void aVerifiedLoginIsRememberedUntilForgotten() {
		String key = cache.keyOf("susan", "fido-fido");
		cache.put(key, new Verified(account(7), 2));

		assertThat(cache.get(key)).isEqualTo(new Verified(account(7), 2));

		cache.forget(key);
		assertThat(cache.get(key)).isNull();
	}

	@Test
	void forgettingAnAccountDropsAllItsEntriesAndNoOthers() {
		String current = cache.keyOf("susan", "new-password");
		String old = cache.keyOf("susan", "old-password");
		String bob = cache.keyOf("bob", "bobs-password");
		cache.put(current, new Verified(account(7), 3));
		cache.put(old, new Verified(account(7), 2));
		cache.put(bob, new Verified(account(8), 0));

		cache.forgetAccount(7);

		assertThat(cache.get(current)).isNull();
		assertThat(cache.get(old)).isNull();
		assertThat(cache.get(bob)).isEqualTo(new Verified(account(8), 0));
	}

	@Test
	void unknownCredentialsAreNotInTheCache() {
		assertThat(cache.get(cache.keyOf("mallory", "guess"))).isNull();
	}

	@Test
	void aZeroLifetimeMeansNothingIsTrustedWithoutHashing() {
		CredentialCache disabled = new CredentialCache(settings(Duration.ZERO));
		String key = disabled.keyOf("susan", "fido-fido");

		disabled.put(key, new Verified(account(7), 0));

		assertThat(disabled.get(key)).isNull();
	}

	private static Account account(long id) {
		return new Account(id, "user" + id, null, "", "", Role.AGENT, true, java.util.Set.of(), true, true, true);
	}
}
