package org.helpdesk.web;

import org.helpdesk.account.AccountDetailsService;
import org.helpdesk.core.SharedSecrets;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Component;

/**
 * "Keep me signed in": a random token per browser, stored on the server, replaced on every use and deleted on
 * sign-out or when the account loses its access, so a copied cookie stops working. The cookie is HttpOnly, Secure
 * when the request came over HTTPS, and SameSite=Lax like the session cookie.
 */
@Component
public class RememberMe {

	private final String key;

	private final PersistentTokenBasedRememberMeServices services;

	RememberMe(WebSettings settings, SharedSecrets secrets, AccountDetailsService accounts,
			PersistentTokenRepository tokens) {
		this.key = secrets.get("remember-me");
		this.services = new PersistentTokenBasedRememberMeServices(key, accounts, tokens);
		services.setTokenValiditySeconds((int) settings.rememberMe().toSeconds());
		services.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
	}

	/** The key that marks authentications made from a cookie. */
	public String key() {
		return key;
	}

	public RememberMeServices services() {
		return services;
	}
}
