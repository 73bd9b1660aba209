package org.helpdesk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets the JSON API read with the session of someone signed in to the pages (Swagger UI in the same browser), but
 * only for reading: a GET or HEAD. Any other method must bring HTTP Basic, so a page of another site cannot make a
 * signed-in browser change anything, and the API needs no CSRF token. The API never creates or writes a session.
 */
final class SessionForReading implements SecurityContextRepository {

	private final RequestAttributeSecurityContextRepository thisRequest = new RequestAttributeSecurityContextRepository();

	private final SecurityContextRepository thisRequestOrSession;

	SessionForReading() {
		HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();
		session.setAllowSessionCreation(false);
		this.thisRequestOrSession = new DelegatingSecurityContextRepository(thisRequest, session);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return (reads(request) ? thisRequestOrSession : thisRequest).loadDeferredContext(request);
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		thisRequest.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return (reads(request) ? thisRequestOrSession : thisRequest).containsContext(request);
	}

	private static boolean reads(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
	}
}
