package org.helpdesk.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.ThrottledAuthentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the form with a reason; a throttled one says how long to wait (the same throttle as
 * the API: 10 failures within 5 minutes per address or account).
 */
public class SignInFailure implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof ThrottledAuthentication throttled) {
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterSeconds());
			return;
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}
}
