package org.helpdesk.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer hd_…} (see {@link ApiTokenAuthenticator}); a token
 * that signs nobody in is answered by {@code failure} at once. Requests without a bearer token pass untouched (to
 * HTTP Basic, a session, or anonymous). The account it checked is what {@link SignedIn} hands controllers, so
 * {@link CurrentAccountFilter} need not read it again. Never logs the header.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private final ApiTokenAuthenticator authenticator;

	private final AuthenticationEntryPoint failure;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository thisRequest = new RequestAttributeSecurityContextRepository();

	public BearerTokenFilter(ApiTokenAuthenticator authenticator, AuthenticationEntryPoint failure) {
		this.authenticator = authenticator;
		this.failure = failure;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			chain.doFilter(request, response);
			return;
		}
		ApiTokenAuthentication signedIn;
		try {
			signedIn = authenticator.authenticate(header.substring(SCHEME.length()).strip());
		}
		catch (InvalidApiToken invalid) {
			holder.clearContext();
			failure.commence(request, response, invalid);
			return;
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(signedIn);
		holder.setContext(context);
		thisRequest.saveContext(context, request, response);
		request.setAttribute(CurrentAccountFilter.VERIFIED, signedIn.account());
		chain.doFilter(request, response);
	}
}
