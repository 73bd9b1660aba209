package org.helpdesk.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a session the lifetime of whoever holds it: {@code helpdesk.web.anonymous-session} while nobody has signed
 * in (a visitor only gets one for a message to the next page after a form, or the staff page to return to after
 * signing in; sessions are database rows), the full {@code server.servlet.session.timeout} once someone has. Decided after the request, when sign-in and
 * sign-out have happened.
 */
@Component
// around the security filters: a session they start and finish themselves (a staff page sending a visitor to sign
// in, which remembers where they were going) gets its lifetime too
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class SessionLifetime extends OncePerRequestFilter {

	private final int anonymousSeconds;

	private final int signedInSeconds;

	SessionLifetime(WebSettings settings, @Value("${server.servlet.session.timeout:8h}") Duration signedIn) {
		this.anonymousSeconds = (int) settings.anonymousSession().toSeconds();
		this.signedInSeconds = (int) signedIn.toSeconds();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		try {
			boolean signedIn = session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
			int wanted = signedIn ? signedInSeconds : anonymousSeconds;
			if (session.getMaxInactiveInterval() != wanted) {
				session.setMaxInactiveInterval(wanted);
			}
		}
		catch (IllegalStateException invalidated) {
			// signed out during this request: the session is gone
		}
	}
}
