package org.helpdesk.legacyapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.account.Account;
import org.helpdesk.account.Authenticator;
import org.helpdesk.account.InvalidCredentials;
import org.helpdesk.account.LoginThrottled;
import org.helpdesk.core.Conflict;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transport of the legacy API: which method, whose credentials, and how every outcome is answered.
 */
@RestController
class LegacyApiController {

	private static final Logger log = LoggerFactory.getLogger(LegacyApiController.class);

	private final LegacyMethods methods;

	private final Authenticator authenticator;

	LegacyApiController(LegacyMethods methods, Authenticator authenticator) {
		this.methods = methods;
		this.authenticator = authenticator;
	}

	@RequestMapping({ "/api/{method:[a-z_-]+}", "/api/{method:[a-z_-]+}/" })
	ResponseEntity<String> handle(@PathVariable String method, HttpServletRequest request) {
		if (!methods.exists(method)) {
			return LegacyResponse.text(HttpStatus.NOT_FOUND, "Unknown API method: " + method);
		}
		if (!"POST".equals(request.getMethod())) {
			return LegacyResponse.methodNotAllowed();
		}
		Optional<String> undecodable = undecodableField(request);
		if (undecodable.isPresent()) {
			return LegacyResponse.text(HttpStatus.BAD_REQUEST, undecodable.get() + ": is not valid UTF-8 text");
		}
		try {
			Account caller = authenticate(request, method);
			if (!caller.isStaff()) {
				return LegacyResponse.text(HttpStatus.FORBIDDEN, "Permission denied");
			}
			return methods.call(method, new LegacyParameters(request), caller);
		}
		catch (LoginThrottled ex) {
			return LegacyResponse.throttled(ex.retryAfterSeconds());
		}
		catch (InvalidCredentials ex) {
			return LegacyResponse.text(HttpStatus.FORBIDDEN, "Invalid username or password");
		}
		catch (InvalidInput ex) {
			return LegacyResponse.text(HttpStatus.BAD_REQUEST,
					ex.problems().stream().map(FieldProblem::toString).collect(Collectors.joining("\n")));
		}
		catch (NotFound ex) {
			return LegacyResponse.text(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (Conflict ex) {
			return LegacyResponse.text(HttpStatus.BAD_REQUEST, "ticket: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Legacy API method {} failed", method, ex);
			return LegacyResponse.text(HttpStatus.INTERNAL_SERVER_ERROR, "The helpdesk could not complete the request");
		}
	}

	/**
	 * Tomcat refuses to read form fields whose bytes are not UTF-8 and names the first such field in its message;
	 * that is bad input, not a server error.
	 */
	static Optional<String> undecodableField(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return Optional.empty();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			Matcher field = PARAMETER_NAME.matcher(String.valueOf(ex.getMessage()));
			return Optional.of(field.find() ? field.group(1) : "body");
		}
	}

	private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

	private Account authenticate(HttpServletRequest request, String method) {
		Optional<LegacyCredentials> credentials = LegacyCredentials.from(request, method);
		if (credentials.isEmpty()) {
			throw new InvalidCredentials();
		}
		return authenticator.authenticate(credentials.get().username(), credentials.get().password(),
				request.getRemoteAddr());
	}
}
