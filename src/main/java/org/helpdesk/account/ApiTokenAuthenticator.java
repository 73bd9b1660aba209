package org.helpdesk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token on every request with one indexed read (the token's row with its owner's active flag and
 * version), so that a revoked token, an expired one or one of a deactivated account fails at once on every node. The
 * owner's full account is re-read only when its version moved. The time of last use is written at most once a
 * minute per token.
 */
@Component
public class ApiTokenAuthenticator {

	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final Clock clock;

	// owners by account id, each at the version it was read at
	private final Cache<Long, AccountPrincipal> owners = Caffeine.newBuilder().maximumSize(10_000)
		.expireAfterAccess(Duration.ofMinutes(10)).build();

	ApiTokenAuthenticator(ApiTokens tokens, Accounts accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The signed-in owner and the scopes the token holds within what the owner's role allows now.
	 * @throws InvalidApiToken when the value signs nobody in
	 */
	public ApiTokenAuthentication authenticate(String value) {
		ApiTokenValues.Parts parts = ApiTokenValues.parse(value).orElseThrow(InvalidApiToken::unknown);
		ApiTokens.Presented token = tokens.findPresented(parts.key())
			.filter(found -> ApiTokenValues.matches(parts.secret(), found.secretHash()))
			.filter(ApiTokens.Presented::accountActive)
			.orElseThrow(InvalidApiToken::unknown);
		Instant now = clock.instant();
		if (token.expires().isPresent() && !now.isBefore(token.expires().get())) {
			throw new InvalidApiToken("The token expired at " + token.expires().get());
		}
		AccountPrincipal owner = owner(token.accountId(), token.accountVersion()).orElseThrow(InvalidApiToken::unknown);
		Instant stale = now.minus(LAST_USED_PRECISION);
		if (token.lastUsed().map(used -> used.isBefore(stale)).orElse(true)) {
			tokens.markUsed(token.id(), now, stale);
		}
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		scopes.addAll(token.scopes());
		scopes.retainAll(ApiScope.allowedFor(owner.account().role()));
		return new ApiTokenAuthentication(owner, token.id(), scopes);
	}

	private Optional<AccountPrincipal> owner(long accountId, int version) {
		AccountPrincipal cached = owners.getIfPresent(accountId);
		if (cached != null && cached.version() == version) {
			return Optional.of(cached);
		}
		Optional<AccountPrincipal> read = accounts.findStoredById(accountId)
			.filter(stored -> stored.account().active())
			.map(stored -> new AccountPrincipal(stored.account(), stored.credentialsVersion()));
		read.ifPresentOrElse(principal -> owners.put(accountId, principal), () -> owners.invalidate(accountId));
		return read;
	}
}
