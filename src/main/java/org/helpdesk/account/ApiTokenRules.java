package org.helpdesk.account;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;

/**
 * What makes a requested token acceptable: a name, known scopes within the owner's role, an expiry ahead.
 */
final class ApiTokenRules {

	static final int MAX_NAME = 100;

	static final Duration LONGEST_LIFE = Duration.ofDays(3660);

	private ApiTokenRules() {
	}

	/** The scopes to grant; throws {@link InvalidInput} listing every problem. */
	static Set<ApiScope> checked(NewApiToken request, Role role, Instant now) {
		List<FieldProblem> problems = AccountRules.problems();
		if (Input.isBlank(request.name())) {
			problems.add(new FieldProblem("name", "is required"));
		}
		else {
			Optional.ofNullable(Input.checkText("name", request.name(), MAX_NAME, false)).ifPresent(problems::add);
		}
		Set<ApiScope> scopes = scopes(request.scopes(), role, problems);
		request.expires().ifPresent(expires -> {
			if (!expires.isAfter(now)) {
				problems.add(new FieldProblem("expires_at", "must be in the future"));
			}
			else if (expires.isAfter(now.plus(LONGEST_LIFE))) {
				problems.add(new FieldProblem("expires_at", "must be within 10 years"));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return scopes;
	}

	private static Set<ApiScope> scopes(List<String> codes, Role role, List<FieldProblem> problems) {
		Set<ApiScope> allowed = ApiScope.allowedFor(role);
		if (allowed.isEmpty()) {
			problems.add(new FieldProblem("scopes", "customer accounts cannot have API tokens"));
			return Set.of();
		}
		if (codes == null || codes.isEmpty()) {
			problems.add(new FieldProblem("scopes", "must name at least one of " + names(allowed)));
			return Set.of();
		}
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		for (String code : codes) {
			Optional<ApiScope> scope = code == null ? Optional.empty() : ApiScope.fromCode(code);
			if (scope.isEmpty()) {
				problems.add(new FieldProblem("scopes", "has an unknown scope; use " + names(EnumSet.allOf(ApiScope.class))));
				return Set.of();
			}
			scopes.add(scope.get());
		}
		if (!allowed.containsAll(scopes)) {
			problems.add(new FieldProblem("scopes", "may only be " + names(allowed) + " for " + article(role) + " "
					+ role.code() + " account"));
		}
		return scopes;
	}

	private static String names(Set<ApiScope> scopes) {
		return scopes.stream().map(ApiScope::code).collect(Collectors.joining(", "));
	}

	private static String article(Role role) {
		return role == Role.ADMIN || role == Role.AGENT ? "an" : "a";
	}
}
