package org.helpdesk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.InvalidApiToken;
import org.helpdesk.account.ThrottledAuthentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The security layer's answers as RFC 9457 problem details: 401 with the challenges that apply (HTTP Basic, and on
 * the JSON API also a bearer token), 429 for a throttled sign-in, 403 naming the missing scope of a token (with the
 * RFC 6750 {@code insufficient_scope} challenge).
 */
final class SecurityAnswers {

	private static final String BASIC = "Basic realm=\"helpdesk\"";

	private SecurityAnswers() {
	}

	/** 401 for pages' HTTP Basic (monitoring endpoints). */
	static void basicOnly(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (!throttled(response, failure)) {
			response.setHeader("WWW-Authenticate", BASIC);
			write(response, 401, "Unauthorized", "Valid credentials are required (HTTP Basic)", "");
		}
	}

	/** 401 for the JSON API, which takes HTTP Basic and bearer tokens. */
	static void api(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (throttled(response, failure)) {
			return;
		}
		if (failure instanceof InvalidApiToken invalid) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"helpdesk\", error=\"invalid_token\", "
					+ "error_description=\"" + invalid.getMessage() + "\"");
			write(response, 401, "Unauthorized", invalid.getMessage(), "");
			return;
		}
		response.setHeader("WWW-Authenticate", BASIC);
		response.addHeader("WWW-Authenticate", "Bearer realm=\"helpdesk\"");
		write(response, 401, "Unauthorized", "Valid credentials are required (HTTP Basic or a bearer token)", "");
	}

	/** 403 for the JSON API, naming the scope a token lacks. */
	static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		var result = denied instanceof AuthorizationDeniedException d ? d.getAuthorizationResult() : null;
		if (result instanceof ApiAccess.ScopeMissing missing) {
			String scope = missing.scope().code();
			response.setHeader("WWW-Authenticate", "Bearer realm=\"helpdesk\", error=\"insufficient_scope\", scope=\""
					+ scope + "\"");
			write(response, 403, "Forbidden", "This request needs a token with the scope " + scope,
					",\"required_scope\":\"" + scope + "\"");
		}
		else if (result instanceof ApiAccess.PasswordRequired) {
			write(response, 403, "Forbidden",
					"Tokens are created with a password (HTTP Basic) or on the settings page, not with a token", "");
		}
		else {
			write(response, 403, "Forbidden", "This account may not use this endpoint", "");
		}
	}

	private static boolean throttled(HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof ThrottledAuthentication throttled) {
			response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
			write(response, 429, "Too Many Requests", "Too many failed login attempts; try again in "
					+ throttled.retryAfterSeconds() + " seconds", "");
			return true;
		}
		return false;
	}

	// the texts are ours, without quotes or backslashes, so no JSON library is needed
	private static void write(HttpServletResponse response, int status, String title, String detail, String more)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=utf-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"" + more + "}");
	}
}
