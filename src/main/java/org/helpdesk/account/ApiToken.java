package org.helpdesk.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A personal API token as its owner sees it: never its secret. {@code prefix} ({@code hd_<key>}) is the part of the
 * token that is not secret, so a person can tell their tokens apart. No expiry means it lasts until revoked.
 */
public record ApiToken(long id, String name, String prefix, Set<ApiScope> scopes, Instant created,
		Optional<Instant> expires, Optional<Instant> lastUsed) {
}
