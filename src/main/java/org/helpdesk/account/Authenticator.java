package org.helpdesk.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a username and password, fast when the pair was verified recently. Used by every channel that takes
 * credentials (the legacy API, HTTP Basic, the sign-in form), so all of them share one cache and one throttle.
 */
@Service
public class Authenticator {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final CredentialCache cache;

	private final LoginThrottle throttle;

	// A hash of a random password, checked when the user does not exist, so that timing does not tell.
	private final String decoyHash;

	Authenticator(Accounts accounts, PasswordEncoder passwords, CredentialCache cache, LoginThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.cache = cache;
		this.throttle = throttle;
		this.decoyHash = passwords.encode(java.util.UUID.randomUUID().toString());
	}

	/**
	 * @return the active account with these credentials
	 * @throws LoginThrottled when the client or the account failed too often lately
	 * @throws InvalidCredentials when the user is unknown, inactive or the password is wrong
	 */
	public Account authenticate(String username, String password, String clientAddress) {
		return verify(username, password, clientAddress).account();
	}

	/** As {@link #authenticate}, with the version of the account's credentials the password was checked against. */
	CredentialCache.Verified verify(String username, String password, String clientAddress) {
		throttle.check(clientAddress, username);
		String key = cache.keyOf(username, password);
		CredentialCache.Verified hit = cache.get(key);
		if (hit != null) {
			// one tiny query keeps every node honest: any change to password, role, active flag or queue limits
			// bumps the version
			if (accounts.activeVersion(hit.account().id()).orElse(-1) == hit.credentialsVersion()) {
				return hit;
			}
			cache.forget(key);
		}
		var stored = accounts.findStoredByUsername(username);
		boolean hashable = password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= AccountRules.MAX_PASSWORD_BYTES;
		boolean matches = hashable
				&& passwords.matches(password, stored.map(Accounts.Stored::passwordHash).orElse(decoyHash));
		if (stored.isEmpty() || !matches || !stored.get().account().active()) {
			throttle.recordFailure(clientAddress, username);
			throw new InvalidCredentials();
		}
		var verified = new CredentialCache.Verified(stored.get().account(), stored.get().credentialsVersion());
		cache.put(key, verified);
		return verified;
	}

	@org.springframework.context.event.EventListener
	void on(AccountCredentialsChanged event) {
		cache.forgetAccount(event.accountId());
	}
}
