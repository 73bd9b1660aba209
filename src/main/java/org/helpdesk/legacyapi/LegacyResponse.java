package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Answers in the legacy format: UTF-8 plain text (JSON for list_queues), no trailing newline.
 */
final class LegacyResponse {

	static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

	private LegacyResponse() {
	}

	static ResponseEntity<String> ok(String body) {
		return text(HttpStatus.OK, body);
	}

	static ResponseEntity<String> json(String body) {
		return ResponseEntity.ok().contentType(JSON).body(body);
	}

	static ResponseEntity<String> text(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(TEXT).body(body);
	}

	static ResponseEntity<String> methodNotAllowed() {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
			.contentType(TEXT).body("Invalid request method: use POST");
	}

	static ResponseEntity<String> throttled(long retryAfterSeconds) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
			.contentType(TEXT)
			.body("Too many failed login attempts; try again in " + retryAfterSeconds + " seconds");
	}
}
