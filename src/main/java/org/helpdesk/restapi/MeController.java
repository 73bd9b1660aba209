package org.helpdesk.restapi;

import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.ApiScope;
import org.helpdesk.account.ApiTokenAuthentication;
import org.helpdesk.account.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is, as an integration checks its credentials before it starts: the account, the queues it may use
 * ({@code all_queues}, or the list), and the scopes this request holds — a token's own, or with a password or page
 * session every scope the role allows. Also tells a token's id, so a script can revoke the token it runs with.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	record MeBody(long id, String username, String email, String firstName, String lastName, String role,
			boolean allQueues, List<Long> queues, List<String> scopes, Long tokenId) {
	}

	@GetMapping
	MeBody get(@SignedIn Account me, Authentication authentication) {
		Set<ApiScope> scopes = authentication instanceof ApiTokenAuthentication token ? token.scopes()
				: ApiScope.allowedFor(me.role());
		Long tokenId = authentication instanceof ApiTokenAuthentication token ? token.tokenId() : null;
		return new MeBody(me.id(), me.username(), me.email(), me.firstName(), me.lastName(), me.role().code(),
				me.allQueues(), me.allQueues() ? List.of() : me.queueIds().stream().sorted().toList(),
				scopes.stream().sorted().map(ApiScope::code).toList(), tokenId);
	}
}
