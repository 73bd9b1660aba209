package org.helpdesk.legacyapi;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Whether the body of a legacy request can be read as form fields, and if not, an answer that names the real
 * problem. Tomcat parses the fields on first use, keeps the failure and throws it on every later use; which limit or
 * rule the body broke is told by the exception's status code, its cause, and the text of Tomcat's own message.
 */
final class FormBody {

	private static final String FORM_FIELDS = "send form fields (application/x-www-form-urlencoded or multipart/form-data)";

	private static final Pattern PARAMETER_NAME = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

	// Tomcat's message, in the language it writes in, up to where it fills in the limit
	private static final String TOO_MANY_FIELDS = textBeforeFirstPlaceholder(
			StringManager.getManager("org.apache.tomcat.util.http").getString("parameters.maxCountFail"));

	private FormBody() {
	}

	/** The answer for a body that cannot be read as form fields; empty when it can. */
	static Optional<ResponseEntity<String>> problem(HttpServletRequest request, long limit) {
		if (!isFormOrAbsent(request.getContentType())) {
			return Optional.of(LegacyResponse.text(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type " + request.getContentType() + " is not accepted: " + FORM_FIELDS));
		}
		try {
			request.getParameterMap();
			return Optional.empty();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return Optional.of(answer(ex, limit));
		}
	}

	/** No content type is fine: a request may carry nothing but HTTP Basic credentials. */
	private static boolean isFormOrAbsent(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
					|| type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static ResponseEntity<String> answer(RuntimeException ex, long limit) {
		if (ex instanceof InvalidParameterException invalid
				&& invalid.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
			return LegacyResponse.text(HttpStatus.PAYLOAD_TOO_LARGE,
					"Request body too large: the limit is " + RequestSizeLimit.readable(limit));
		}
		String message = String.valueOf(ex.getMessage());
		if (ex.getCause() instanceof CharacterCodingException) {
			Matcher field = PARAMETER_NAME.matcher(message);
			return badRequest((field.find() ? field.group(1) : "body") + ": is not valid UTF-8 text");
		}
		if (!TOO_MANY_FIELDS.isEmpty() && message.startsWith(TOO_MANY_FIELDS)) {
			return badRequest("body: too many fields");
		}
		if (ex.getCause() instanceof IOException) {
			return badRequest("body: could not be read");
		}
		return badRequest("body: is not form syntax; " + FORM_FIELDS + ", name=value pairs joined by &");
	}

	private static ResponseEntity<String> badRequest(String text) {
		return LegacyResponse.text(HttpStatus.BAD_REQUEST, text);
	}

	private static String textBeforeFirstPlaceholder(String pattern) {
		int placeholder = pattern.indexOf('{');
		return placeholder < 0 ? pattern : pattern.substring(0, placeholder);
	}
}
