package org.helpdesk.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks, on every request of a signed-in person, that the account still exists, is active and is as the session
 * remembers it. When it is gone or inactive the session ends and the request goes on as anonymous, so the security
 * rules send a page to the sign-in form and an API call to 401. When it changed (role, queues, name) the session's
 * account and authorities are replaced before any rule is checked. Controllers receive the account checked here (see
 * {@link SignedIn}).
 */
public class CurrentAccountFilter extends OncePerRequestFilter {

	static final String VERIFIED = CurrentAccountFilter.class.getName() + ".account";

	private final AccountDetailsService accounts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

	public CurrentAccountFilter(AccountDetailsService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = holder.getContext().getAuthentication();
		if (request.getAttribute(VERIFIED) != null) {
			// checked already in this request (a bearer token, read with its account's version)
			chain.doFilter(request, response);
			return;
		}
		if (signedIn != null && signedIn.getPrincipal() instanceof AccountPrincipal principal) {
			Optional<AccountPrincipal> current = accounts.current(principal);
			if (current.isEmpty()) {
				signOut(request);
			}
			else {
				if (current.get() != principal) {
					replace(signedIn, current.get(), request, response);
				}
				request.setAttribute(VERIFIED, current.get().account());
			}
		}
		chain.doFilter(request, response);
	}

	private void signOut(HttpServletRequest request) {
		holder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private void replace(Authentication old, AccountPrincipal principal, HttpServletRequest request,
			HttpServletResponse response) {
		var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
		token.setDetails(old.getDetails());
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(token);
		holder.setContext(context);
		if (request.getSession(false) != null) {
			sessionContexts.saveContext(context, request, response);
		}
	}
}
