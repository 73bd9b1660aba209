package org.helpdesk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.ApiScope;
import org.helpdesk.account.ApiTokenNotFound;
import org.helpdesk.account.ApiTokenManagement;
import org.helpdesk.account.NewApiToken;
import org.helpdesk.account.Preferences;
import org.helpdesk.account.SignedIn;
import org.helpdesk.account.TooManyApiTokens;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in, and each person's own settings: language, time zone, password, personal API tokens.
 */
@Controller
class AccountPagesController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
		.filter(z -> z.equals("UTC") || z.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.sorted()
		.toList();

	private final AccountManagement accounts;

	private final Preferred preferred;

	private final ApiTokenManagement tokens;

	private final Clock clock;

	AccountPagesController(AccountManagement accounts, Preferred preferred, ApiTokenManagement tokens, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
		this.preferred = preferred;
		this.tokens = tokens;
	}

	@GetMapping("/login")
	String login() {
		return "web/login";
	}

	@GetMapping("/account/settings")
	String settings(@SignedIn Account me, Model model) {
		model.addAttribute("preferences", accounts.preferences(me.id()));
		model.addAttribute("zones", ZONES);
		model.addAttribute("tokenScopes", ApiScope.allowedFor(me.role()));
		model.addAttribute("tokens", ApiScope.allowedFor(me.role()).isEmpty() ? List.of() : tokens.list(me));
		return "web/settings";
	}

	/**
	 * Creates a token and shows its value in this answer, not after a redirect: the value must not pass through the
	 * session (which is a database row) on its way to the page.
	 */
	@PostMapping("/account/tokens")
	String createToken(@SignedIn Account me, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> scopes, @RequestParam(required = false) String expiresInDays,
			Model model) {
		try {
			model.addAttribute("issued", tokens.create(tokenRequest(name, scopes, expiresInDays), me));
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
		}
		catch (TooManyApiTokens ex) {
			model.addAttribute("problems", List.of(ex.getMessage()));
		}
		return settings(me, model);
	}

	/** A token that is gone already (a second tab, a double click) leaves the page as it is. */
	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@SignedIn Account me, @PathVariable long id) {
		try {
			tokens.revoke(id, me);
		}
		catch (ApiTokenNotFound gone) {
			return "redirect:/account/settings#api-tokens";
		}
		return "redirect:/account/settings?revoked#api-tokens";
	}

	private NewApiToken tokenRequest(String name, List<String> scopes, String expiresInDays) {
		List<String> requested = scopes == null ? List.of() : scopes;
		if (expiresInDays == null || expiresInDays.isBlank()) {
			return NewApiToken.lastingUntilRevoked(name, requested);
		}
		long days = Input.wholeNumber(expiresInDays).filter(d -> d >= 1 && d <= 3650)
			.orElseThrow(() -> new InvalidInput("expires", "must be a number of days from 1 to 3650, or never"));
		return NewApiToken.expiring(name, requested, clock.instant().plus(Duration.ofDays(days)));
	}

	@PostMapping("/account/settings")
	String saveSettings(@SignedIn Account me, @RequestParam(required = false) String language,
			@RequestParam(required = false) String timeZone, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Preferences preferences = new Preferences(blankToNull(language), blankToNull(timeZone));
		try {
			accounts.savePreferences(me.id(), preferences);
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			return settings(me, model);
		}
		preferred.apply(request, response, preferences);
		return "redirect:/account/settings?saved";
	}

	@PostMapping("/account/password")
	String changePassword(@SignedIn Account me, @RequestParam String current, @RequestParam String next, Model model) {
		try {
			accounts.changeOwnPassword(me.id(), current, next);
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", ex.problems());
			return settings(me, model);
		}
		return "redirect:/account/settings?password";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
