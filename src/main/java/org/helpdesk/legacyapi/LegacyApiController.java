package org.helpdesk.legacyapi;

import java.util.Optional;
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

	private final long maxRequestSize;

	LegacyApiController(LegacyMethods methods, Authenticator authenticator, ApiSettings settings) {
		this.methods = methods;
		this.authenticator = authenticator;
		this.maxRequestSize = settings.maxRequestSize().toBytes();
	}

	@RequestMapping({ "/api/{method:[a-z_-]+}", "/api/{method:[a-z_-]+}/" })
	ResponseEntity<String> handle(@PathVariable String method, HttpServletRequest request) {
		if (!methods.exists(method)) {
			return LegacyResponse.text(HttpStatus.NOT_FOUND, "Unknown API method: " + method);
		}
		if (!"POST".equals(request.getMethod())) {
			return LegacyResponse.methodNotAllowed();
		}
		Optional<ResponseEntity<String>> unreadable = FormBody.problem(request, maxRequestSize);
		if (unreadable.isPresent()) {
			return unreadable.get();
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

	private Account authenticate(HttpServletRequest request, String method) {
		Optional<LegacyCredentials> credentials = LegacyCredentials.from(request, method);
		if (credentials.isEmpty()) {
			throw new InvalidCredentials();
		}
		return authenticator.authenticate(credentials.get().username(), credentials.get().password(),
				request.getRemoteAddr());
	}
}
