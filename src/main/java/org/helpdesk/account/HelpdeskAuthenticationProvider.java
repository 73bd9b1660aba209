package org.helpdesk.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets Spring Security (HTTP Basic and the sign-in form) check passwords through the same cache and throttle
 * as the legacy API. The principal is an {@link AccountPrincipal} of the account as the check found it, so the
 * request needs no second read of it (nor {@link CurrentAccountFilter}'s).
 */
@Component
public class HelpdeskAuthenticationProvider implements AuthenticationProvider {

	private final Authenticator authenticator;

	HelpdeskAuthenticationProvider(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		try {
			CredentialCache.Verified verified = authenticator.verify(username, password, address);
			AccountPrincipal principal = new AccountPrincipal(verified.account(), verified.credentialsVersion());
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			if (request != null) {
				request.setAttribute(CurrentAccountFilter.VERIFIED, principal.account(), RequestAttributes.SCOPE_REQUEST);
			}
			var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
			token.setDetails(authentication.getDetails());
			return token;
		}
		catch (LoginThrottled ex) {
			throw new ThrottledAuthentication(ex.retryAfterSeconds());
		}
		catch (InvalidCredentials ex) {
			throw new BadCredentialsException("Invalid username or password");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
