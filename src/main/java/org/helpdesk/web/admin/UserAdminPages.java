package org.helpdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.LastAdministrator;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Listing, creating and editing accounts: names, role and the queues an agent is limited to.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

	private final AccountManagement accounts;

	private final QueueManagement queues;

	private final ProblemText problemText;

	UserAdminPages(AccountManagement accounts, QueueManagement queues, ProblemText problemText) {
		this.accounts = accounts;
		this.queues = queues;
		this.problemText = problemText;
	}

	@GetMapping
	String list(@SignedIn Account me, Model model) {
		Admins.require(me);
		model.addAttribute("me", me);
		model.addAttribute("users", accounts.list());
		model.addAttribute("queueTitles", queues.list().stream()
			.collect(Collectors.toMap(Queue::id, Queue::title, (a, b) -> a, LinkedHashMap::new)));
		return "web/admin/users";
	}

	@GetMapping("/new")
	String newUser(@SignedIn Account me, Model model) {
		Admins.require(me);
		return form(model, null, UserForm.empty(), FormProblems.NONE);
	}

	@PostMapping
	String create(@SignedIn Account me, @ModelAttribute("form") UserForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			Account created = accounts.create(form.newAccount(), me);
			redirect.addFlashAttribute("saved", created.username());
			return "redirect:/admin/users";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, null, form, problemText.describe(ex.problems(), locale));
		}
	}

	@GetMapping("/{id}")
	String edit(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		Account user = accounts.get(id);
		return form(model, user, UserForm.of(user), FormProblems.NONE);
	}

	@PostMapping("/{id}")
	String update(@SignedIn Account me, @PathVariable long id, @ModelAttribute("form") UserForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		Account user = accounts.get(id);
		try {
			Account saved = accounts.update(id, form.changes(), me);
			redirect.addFlashAttribute("saved", saved.username());
			return "redirect:/admin/users";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, user, form, problemText.describe(ex.problems(), locale));
		}
		catch (LastAdministrator ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("lastAdmin", true);
			return form(model, user, form, FormProblems.NONE);
		}
	}

	private String form(Model model, Account user, UserForm form, FormProblems problems) {
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("queues", queues.list());
		return "web/admin/user-form";
	}
}
