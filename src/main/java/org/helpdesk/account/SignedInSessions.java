package org.helpdesk.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.helpdesk.core.AfterCommit;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends the web sessions and remember-me tokens of an account. Both are database rows, so this reaches every node.
 * The tokens go in the transaction of the change that causes it. Spring Session deletes sessions in a transaction
 * of its own, so they go once the change has committed: a change that rolls back signs nobody out, and a request
 * racing the change finds the new account version (see {@link CurrentAccountFilter}).
 */
@Component
class SignedInSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final PersistentTokenRepository rememberMe;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, PersistentTokenRepository rememberMe) {
		this.sessions = sessions;
		this.rememberMe = rememberMe;
	}

	/**
	 * Ends every session and remember-me token of this username. When the request making the change belongs to one
	 * of those sessions and {@code keepCurrent} is set (a person changing their own account), that session stays
	 * under a new id; its next request re-reads the account.
	 */
	void endAll(String username, boolean keepCurrent) {
		rememberMe.removeUserTokens(username);
		AfterCommit.run(() -> endSessions(username, keepCurrent));
	}

	private void endSessions(String username, boolean keepCurrent) {
		Optional<HttpServletRequest> request = currentRequest();
		String currentId = request.map(r -> r.getSession(false)).map(HttpSession::getId).orElse("");
		for (String id : sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(currentId)) {
				sessions.deleteById(id);
			}
			else if (keepCurrent) {
				request.get().changeSessionId();
			}
			else {
				// through the request, so that the end of this request does not write the session back
				request.get().getSession().invalidate();
			}
		}
	}

	private static Optional<HttpServletRequest> currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}
}
