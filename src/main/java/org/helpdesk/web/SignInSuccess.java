package org.helpdesk.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After signing in, staff land on the dashboard and customers on their own tickets, unless they were on their way
 * to a page already.
 */
@Component
public class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	private final AccountManagement accounts;

	private final Preferred preferred;

	SignInSuccess(AccountManagement accounts, Preferred preferred) {
		this.accounts = accounts;
		this.preferred = preferred;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		boolean staff = authentication.getAuthorities().stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_AGENT"));
		setDefaultTargetUrl(staff ? "/dashboard" : "/my-tickets");
		if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
			preferred.apply(request, response, accounts.preferences(principal.account().id()));
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
