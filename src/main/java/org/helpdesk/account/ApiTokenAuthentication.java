package org.helpdesk.account;

import java.io.Serial;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request signed in with a personal API token: the owner as {@link AccountPrincipal} (with the role's authority,
 * so the role rules apply as for a password), and the scopes the token holds within what the owner's role allows
 * right now. Never kept in a session.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountPrincipal owner;

	private final long tokenId;

	private final Set<ApiScope> scopes;

	ApiTokenAuthentication(AccountPrincipal owner, long tokenId, Set<ApiScope> scopes) {
		super(owner.getAuthorities());
		this.owner = owner;
		this.tokenId = tokenId;
		this.scopes = Set.copyOf(scopes);
		setAuthenticated(true);
	}

	@Override
	public AccountPrincipal getPrincipal() {
		return owner;
	}

	/** Nothing: the token's value is never kept after it was checked. */
	@Override
	public Object getCredentials() {
		return null;
	}

	public long tokenId() {
		return tokenId;
	}

	public Account account() {
		return owner.account();
	}

	public boolean allows(ApiScope scope) {
		return scopes.contains(scope);
	}

	public Set<ApiScope> scopes() {
		return scopes;
	}
}
