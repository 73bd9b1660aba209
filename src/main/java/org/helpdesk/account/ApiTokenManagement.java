package org.helpdesk.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.helpdesk.core.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's own API tokens: created (the value is shown once), listed and revoked. Tokens end with their owner:
 * deleting, deactivating or demoting an account revokes them all (see {@link AccountManagement}), and every
 * request with a token checks the owner again ({@link ApiTokenAuthenticator}).
 */
@Service
@Transactional
public class ApiTokenManagement {

	/** Most tokens one person may hold; each costs nothing until used, but a list should stay readable. */
	public static final int MAX_PER_ACCOUNT = 50;

	private final ApiTokens tokens;

	private final AuditTrail audit;

	private final Clock clock;

	ApiTokenManagement(ApiTokens tokens, AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token for {@code owner} with at most the scopes the owner's role allows.
	 * @throws org.helpdesk.core.InvalidInput naming {@code name}, {@code scopes} or {@code expires_at}
	 * @throws TooManyApiTokens when the owner already holds {@link #MAX_PER_ACCOUNT}
	 */
	public IssuedApiToken create(NewApiToken request, Account owner) {
		Instant now = clock.instant();
		Set<ApiScope> scopes = ApiTokenRules.checked(request, owner.role(), now);
		if (tokens.countByAccount(owner.id()) >= MAX_PER_ACCOUNT) {
			throw new TooManyApiTokens(MAX_PER_ACCOUNT);
		}
		String key = ApiTokenValues.newKey();
		String secret = ApiTokenValues.newSecret();
		String name = request.name().strip();
		long id = tokens.insert(owner.id(), key, ApiTokenValues.hash(secret), name, scopes, now, request.expires());
		audit.record(owner.id(), owner.username(), "api-token.created", "user " + owner.username(),
				"token " + ApiTokenValues.prefix(key) + " \"" + name + "\"");
		return new IssuedApiToken(get(id, owner), ApiTokenValues.value(key, secret));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list(Account owner) {
		return tokens.findByAccount(owner.id());
	}

	@Transactional(readOnly = true)
	public ApiToken get(long id, Account owner) {
		return tokens.find(id, owner.id()).orElseThrow(() -> new ApiTokenNotFound(id));
	}

	/** Revokes one of the owner's tokens at once, on every node. */
	public void revoke(long id, Account owner) {
		ApiToken token = get(id, owner);
		tokens.delete(id, owner.id());
		audit.record(owner.id(), owner.username(), "api-token.revoked", "user " + owner.username(),
				"token " + token.prefix() + " \"" + token.name() + "\"");
	}
}
