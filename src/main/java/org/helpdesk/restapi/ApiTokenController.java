package org.helpdesk.restapi;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.ApiTokenManagement;
import org.helpdesk.account.NewApiToken;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own personal API tokens. Creating one needs a password (HTTP Basic), not another token; the value is
 * in the creating answer only.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
class ApiTokenController {

	private final ApiTokenManagement tokens;

	ApiTokenController(ApiTokenManagement tokens) {
		this.tokens = tokens;
	}

	/** {@code expires_at}: a date and time with offset, or a date (its start, UTC); missing or null: never. */
	record CreateBody(String name, List<String> scopes, String expiresAt) {

		NewApiToken request() {
			if (expiresAt == null || expiresAt.isBlank()) {
				return NewApiToken.lastingUntilRevoked(name, scopes);
			}
			return NewApiToken.expiring(name, scopes, instant(expiresAt.strip()));
		}

		private static Instant instant(String value) {
			try {
				return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
						: OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInput("expires_at", "must be a date (2027-01-31) or a date and time with offset "
						+ "(2027-01-31T12:00:00Z)");
			}
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document; the answer sets it too
	ResponseEntity<ApiTokenBody> create(@RequestBody CreateBody body, @SignedIn Account me) {
		ApiTokenBody created = ApiTokenBody.of(tokens.create(body.request(), me));
		return ResponseEntity.created(URI.create("/api/v1/me/tokens/" + created.id())).body(created);
	}

	@GetMapping
	List<ApiTokenBody> list(@SignedIn Account me) {
		return tokens.list(me).stream().map(ApiTokenBody::of).toList();
	}

	@GetMapping("/{id}")
	ApiTokenBody get(@PathVariable long id, @SignedIn Account me) {
		return ApiTokenBody.of(tokens.get(id, me));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @SignedIn Account me) {
		tokens.revoke(id, me);
	}
}
