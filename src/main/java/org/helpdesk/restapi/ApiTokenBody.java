package org.helpdesk.restapi;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.helpdesk.account.ApiScope;
import org.helpdesk.account.ApiToken;
import org.helpdesk.account.IssuedApiToken;

/**
 * A personal API token as the API shows it. {@code token}, the full value, is only in the answer that created it;
 * {@code expires_at} null means it lasts until revoked, {@code last_used} null that it was never used (the time is
 * kept to the minute).
 */
record ApiTokenBody(long id, String name, String prefix, List<String> scopes, Instant created, Instant expiresAt,
		Instant lastUsed, @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

	static ApiTokenBody of(ApiToken token) {
		return new ApiTokenBody(token.id(), token.name(), token.prefix(),
				token.scopes().stream().sorted().map(ApiScope::code).toList(), token.created(),
				token.expires().orElse(null), token.lastUsed().orElse(null), null);
	}

	static ApiTokenBody of(IssuedApiToken issued) {
		ApiTokenBody shown = of(issued.token());
		return new ApiTokenBody(shown.id(), shown.name(), shown.prefix(), shown.scopes(), shown.created(),
				shown.expiresAt(), shown.lastUsed(), issued.value());
	}

	@Override
	public String toString() {
		return "ApiTokenBody[id=" + id + ", prefix=" + prefix + "]";
	}
}
