package org.helpdesk.web.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.inbox.Mailboxes;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueHasTickets;
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
 * Listing, creating, changing and deleting queues. The queue facade decides what is valid; these pages show its
 * verdict next to the fields.
 */
@Controller
@RequestMapping("/admin")
class QueueAdminPages {

	private static final List<String> LOCALES = List.of("", "en", "de");

	private final QueueManagement queues;

	private final AccountManagement accounts;

	private final ProblemText problemText;

	private final Mailboxes mailboxes;

	QueueAdminPages(QueueManagement queues, AccountManagement accounts, ProblemText problemText,
			Mailboxes mailboxes) {
		this.queues = queues;
		this.accounts = accounts;
		this.problemText = problemText;
		this.mailboxes = mailboxes;
	}

	@GetMapping
	String home(@SignedIn Account me) {
		Admins.require(me);
		return "redirect:/admin/queues";
	}

	@GetMapping("/queues")
	String list(@SignedIn Account me, Model model) {
		Admins.require(me);
		model.addAttribute("queues", queues.list());
		return "web/admin/queues";
	}

	@GetMapping("/queues/new")
	String newQueue(@SignedIn Account me, Model model) {
		Admins.require(me);
		return form(model, null, QueueForm.empty(), FormProblems.NONE);
	}

	@PostMapping("/queues")
	String create(@SignedIn Account me, @ModelAttribute("form") QueueForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			Queue created = queues.create(form.draft(false));
			redirect.addFlashAttribute("saved", created.title());
			return "redirect:/admin/queues";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, null, form, problemText.describe(ex.problems(), locale));
		}
	}

	@GetMapping("/queues/{id}")
	String edit(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		Queue queue = queues.get(id);
		return form(model, queue, QueueForm.of(queue), FormProblems.NONE);
	}

	@PostMapping("/queues/{id}")
	String update(@SignedIn Account me, @PathVariable long id, @ModelAttribute("form") QueueForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		Queue queue = queues.get(id);
		try {
			Queue saved = queues.update(id, form.draft(true));
			redirect.addFlashAttribute("saved", saved.title());
			return "redirect:/admin/queues";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, queue, form, problemText.describe(ex.problems(), locale));
		}
	}

	/** Tries the saved mailbox settings and shows the answer on the queue's page. */
	@PostMapping("/queues/{id}/mailbox/test")
	String testMailbox(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		redirect.addFlashAttribute("mailboxTest", mailboxes.test(queues.get(id).id()));
		return "redirect:/admin/queues/" + id;
	}

	@GetMapping("/queues/{id}/delete")
	String confirmDelete(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		model.addAttribute("queue", queues.get(id));
		return "web/admin/queue-delete";
	}

	@PostMapping("/queues/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable long id, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Admins.require(me);
		Queue queue = queues.get(id);
		try {
			queues.delete(id);
		}
		catch (QueueHasTickets ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("queue", queue);
			model.addAttribute("hasTickets", true);
			return "web/admin/queue-delete";
		}
		redirect.addFlashAttribute("deleted", queue.title());
		return "redirect:/admin/queues";
	}

	private String form(Model model, Queue queue, QueueForm form, FormProblems problems) {
		model.addAttribute("queue", queue);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("mailboxStatus", queue == null ? null : mailboxes.status(queue.id()));
		model.addAttribute("boxTypes", List.of("", "imap", "pop3", "local"));
		model.addAttribute("owners", accounts.list().stream().filter(Account::isStaff).toList());
		List<String> locales = new ArrayList<>(LOCALES);
		if (form.locale() != null && !locales.contains(form.locale())) {
			// a language set through the API stays selectable, so saving the form does not change it unasked
			locales.add(form.locale());
		}
		model.addAttribute("locales", locales);
		return "web/admin/queue-form";
	}
}
