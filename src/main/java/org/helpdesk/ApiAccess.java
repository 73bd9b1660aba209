package org.helpdesk;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.account.ApiScope;
import org.helpdesk.account.ApiTokenAuthentication;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call a JSON API resource: the caller's role, and for a personal API token also its scope. Resources for
 * staff need {@code read} to read (GET, HEAD) and {@code write} for anything else; administration resources need
 * {@code admin}, which covers reading and changing them. HTTP Basic and page sessions hold every scope their role
 * allows. A denial for a missing scope says which one ({@link ScopeMissing}).
 */
final class ApiAccess implements AuthorizationManager<RequestAuthorizationContext> {

	/** Denied because the token lacks this scope. */
	static final class ScopeMissing extends AuthorizationDecision {

		private final ApiScope scope;

		ScopeMissing(ApiScope scope) {
			super(false);
			this.scope = scope;
		}

		ApiScope scope() {
			return scope;
		}
	}

	/** Denied because only a password (or the settings page) may do this, not a token. */
	static final class PasswordRequired extends AuthorizationDecision {

		PasswordRequired() {
			super(false);
		}
	}

	private final Set<String> roles;

	private final boolean administration;

	private final boolean tokensRefused;

	private ApiAccess(Set<String> roles, boolean administration, boolean tokensRefused) {
		this.roles = roles;
		this.administration = administration;
		this.tokensRefused = tokensRefused;
	}

	/** Agents and administrators; a token needs read or write by the method. */
	static ApiAccess staff() {
		return new ApiAccess(Set.of("ROLE_ADMIN", "ROLE_AGENT"), false, false);
	}

	/** Agents and administrators with a password, never a token: a token must not beget tokens. */
	static ApiAccess staffWithPassword() {
		return new ApiAccess(Set.of("ROLE_ADMIN", "ROLE_AGENT"), false, true);
	}

	/** Administrators; a token needs the admin scope. */
	static ApiAccess administrators() {
		return new ApiAccess(Set.of("ROLE_ADMIN"), true, false);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
				|| caller.getAuthorities().stream().noneMatch(authority -> roles.contains(authority.getAuthority()))) {
			return new AuthorizationDecision(false);
		}
		if (caller instanceof ApiTokenAuthentication token) {
			if (tokensRefused) {
				return new PasswordRequired();
			}
			ApiScope needed = needed(context.getRequest());
			if (!token.allows(needed)) {
				return new ScopeMissing(needed);
			}
		}
		return new AuthorizationDecision(true);
	}

	private ApiScope needed(HttpServletRequest request) {
		if (administration) {
			return ApiScope.ADMIN;
		}
		boolean reads = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		return reads ? ApiScope.READ : ApiScope.WRITE;
	}
}
