package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Where a legacy request carries its credentials: the {@code user} and {@code password} fields (the seed's
 * examples), {@code username} instead of {@code user} (the seed's prose) except for find_user, or HTTP Basic.
 */
record LegacyCredentials(String username, String password) {

	static Optional<LegacyCredentials> from(HttpServletRequest request, String method) {
		String password = request.getParameter("password");
		String user = request.getParameter("user");
		if (user == null && !"find_user".equals(method)) {
			user = request.getParameter("username");
		}
		if (user != null && password != null) {
			return Optional.of(new LegacyCredentials(user, password));
		}
		return basic(request.getHeader(HttpHeaders.AUTHORIZATION));
	}

	private static Optional<LegacyCredentials> basic(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? Optional.empty()
					: Optional.of(new LegacyCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
