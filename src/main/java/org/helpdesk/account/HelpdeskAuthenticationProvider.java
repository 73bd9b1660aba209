package org.helpdesk.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Lets Spring Security (HTTP Basic and the sign-in form) check passwords through the same cache and throttle
 * as the legacy API. The principal is an {@link AccountPrincipal}.
 */
@Component
public class HelpdeskAuthenticationProvider implements AuthenticationProvider {

	private final Authenticator authenticator;

	private final AccountDetailsService details;

	HelpdeskAuthenticationProvider(Authenticator authenticator, AccountDetailsService details) {
		this.authenticator = authenticator;
		this.details = details;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		try {
			authenticator.authenticate(username, password, address);
			AccountPrincipal principal = details.loadUserByUsername(username);
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
