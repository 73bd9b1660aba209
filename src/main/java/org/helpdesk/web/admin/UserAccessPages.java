package org.helpdesk.web.admin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountChanges;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.LastAdministrator;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whether and how someone may sign in: activating and deactivating, setting a new password, deleting. The account
 * facade refuses to leave the helpdesk without an active administrator; these pages say so.
 */
@Controller
@RequestMapping("/admin/users/{id}")
class UserAccessPages {

	private final AccountManagement accounts;

	private final ProblemText problemText;

	UserAccessPages(AccountManagement accounts, ProblemText problemText) {
		this.accounts = accounts;
		this.problemText = problemText;
	}

	@PostMapping("/active")
	String setActive(@SignedIn Account me, @PathVariable long id, @RequestParam boolean active,
			RedirectAttributes redirect) {
		Admins.require(me);
		Account user = accounts.get(id);
		try {
			accounts.update(id, AccountChanges.active(active), me);
			redirect.addFlashAttribute(active ? "activated" : "deactivated", user.username());
		}
		catch (LastAdministrator ex) {
			redirect.addFlashAttribute("lastAdmin", true);
		}
		return "redirect:/admin/users";
	}

	@GetMapping("/password")
	String passwordForm(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		return passwordPage(model, accounts.get(id), FormProblems.NONE);
	}

	@PostMapping("/password")
	String resetPassword(@SignedIn Account me, @PathVariable long id, @RequestParam(defaultValue = "") String password,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		Account user = accounts.get(id);
		try {
			// the facade drops cached credentials and ends the sessions of this account: the old password stops
			// working at once
			accounts.update(id, AccountChanges.password(password), me);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordPage(model, user, problemText.describe(ex.problems(), locale));
		}
		redirect.addFlashAttribute("passwordSet", user.username());
		return "redirect:/admin/users";
	}

	@GetMapping("/delete")
	String confirmDelete(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		model.addAttribute("user", accounts.get(id));
		return "web/admin/user-delete";
	}

	@PostMapping("/delete")
	String delete(@SignedIn Account me, @PathVariable long id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Admins.require(me);
		Account user = accounts.get(id);
		try {
			accounts.delete(id, me);
		}
		catch (LastAdministrator ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("user", user);
			model.addAttribute("lastAdmin", true);
			return "web/admin/user-delete";
		}
		redirect.addFlashAttribute("deleted", user.username());
		return "redirect:/admin/users";
	}

	private String passwordPage(Model model, Account user, FormProblems problems) {
		model.addAttribute("user", user);
		model.addAttribute("problems", problems);
		return "web/admin/user-password";
	}
}
