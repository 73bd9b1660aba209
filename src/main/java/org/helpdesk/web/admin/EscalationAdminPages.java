package org.helpdesk.web.admin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.escalation.ExclusionDates;
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
 * Exclusion dates of escalation: the list, adding one date or the next few of a weekday, and deleting.
 */
@Controller
@RequestMapping("/admin/escalation")
class EscalationAdminPages {

	private final ExclusionDates exclusions;

	private final QueueManagement queues;

	private final ProblemText problemText;

	EscalationAdminPages(ExclusionDates exclusions, QueueManagement queues, ProblemText problemText) {
		this.exclusions = exclusions;
		this.queues = queues;
		this.problemText = problemText;
	}

	@GetMapping
	String show(@SignedIn Account me, Model model) {
		Admins.require(me);
		return page(model, ExclusionForm.empty(), "", FormProblems.NONE);
	}

	@PostMapping
	String add(@SignedIn Account me, @ModelAttribute("form") ExclusionForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		return saved("single", form, locale, model, response,
				() -> redirect.addFlashAttribute("added", exclusions.add(form.exclusion()).name()));
	}

	@PostMapping("/weekly")
	String addWeekly(@SignedIn Account me, @ModelAttribute("form") ExclusionForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		return saved("weekly", form, locale, model, response,
				() -> redirect.addFlashAttribute("addedWeekly", exclusions.addWeekly(form.weekly()).size()));
	}

	@PostMapping("/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		exclusions.delete(id);
		redirect.addFlashAttribute("deleted", id);
		return "redirect:/admin/escalation";
	}

	/** Back to the list once {@code save} has saved; the page again with the facade's verdict when it refused. */
	private String saved(String formName, ExclusionForm form, Locale locale, Model model, HttpServletResponse response,
			Runnable save) {
		try {
			save.run();
			return "redirect:/admin/escalation";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, form, formName, problemText.describe(ex.problems(), locale));
		}
	}

	/** {@code failed} names the form whose problems are shown ({@code single} or {@code weekly}). */
	private String page(Model model, ExclusionForm form, String failed, FormProblems problems) {
		model.addAttribute("exclusions", exclusions.list());
		model.addAttribute("queues", queues.list());
		model.addAttribute("form", form);
		model.addAttribute("singleProblems", failed.equals("single") ? problems : FormProblems.NONE);
		model.addAttribute("weeklyProblems", failed.equals("weekly") ? problems : FormProblems.NONE);
		return "web/admin/escalation";
	}
}
