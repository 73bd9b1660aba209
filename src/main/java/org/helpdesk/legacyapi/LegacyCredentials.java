package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.springframework.http.HttpHeaders;

/**
 * Where a legacy request carries its credentials: the {@code user} and {@code password} fields (the seed's
 * examples), {@code username} instead of {@code user} (the seed's prose) except for find_user, or HTTP Basic.
 * Credentials are bounded before anything looks them up or counts them: a stranger's megabyte "username" must not
 * reach the database, the credential cache or the login throttle.
 */
record LegacyCredentials(String username, String password) {

	/** The longest username an account may have. */
	static final int MAX_USERNAME = 150;

	/** Far above what the password hash reads (72 bytes); only there to keep strangers' megabytes out. */
	static final int MAX_PASSWORD = 1024;

	/** @throws InvalidInput when the credentials sent are too long or contain control characters */
	static Optional<LegacyCredentials> from(HttpServletRequest request, String method) {
		String password = request.getParameter("password");
		String userField = "user";
		String user = request.getParameter(userField);
		if (user == null && !"find_user".equals(method)) {
			userField = "username";
			user = request.getParameter(userField);
		}
		if (user != null && password != null) {
			return Optional.of(bounded(userField, user, password));
		}
		return basic(request.getHeader(HttpHeaders.AUTHORIZATION)).map(c -> bounded("user", c.username, c.password));
	}

	private static LegacyCredentials bounded(String userField, String user, String password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (user.length() > MAX_USERNAME) {
			problems.add(new FieldProblem(userField, "too long (at most " + MAX_USERNAME + " characters)"));
		}
		else if (Input.hasControlCharacters(user, false)) {
			problems.add(new FieldProblem(userField, "contains control characters"));
		}
		if (password.length() > MAX_PASSWORD) {
			problems.add(new FieldProblem("password", "too long (at most " + MAX_PASSWORD + " characters)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new LegacyCredentials(user, password);
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
