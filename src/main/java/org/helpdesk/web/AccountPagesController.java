package org.helpdesk.web;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.Preferences;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in, and each person's own settings: language, time zone, password.
 */
@Controller
class AccountPagesController {

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
		.filter(z -> z.equals("UTC") || z.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.sorted()
		.toList();

	private final AccountManagement accounts;

	private final Preferred preferred;

	AccountPagesController(AccountManagement accounts, Preferred preferred) {
		this.accounts = accounts;
		this.preferred = preferred;
	}

	@GetMapping("/login")
	String login() {
		return "web/login";
	}

	@GetMapping("/account/settings")
	String settings(@SignedIn Account me, Model model) {
		model.addAttribute("preferences", accounts.preferences(me.id()));
		model.addAttribute("zones", ZONES);
		return "web/settings";
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
