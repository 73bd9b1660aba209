package org.helpdesk.web.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.inbox.IgnoreRule;
import org.helpdesk.inbox.IgnoreRuleManagement;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ignore lists: every rule with the queues it is for, a form to add one, and a button to delete each.
 */
@Controller
@RequestMapping("/admin/ignore")
class IgnoreRulePages {

	/** The reasons only the ignore rules give, with their message keys; the others are the common ones. */
	private static final Map<String, String> OWN_REASONS = Map.of(IgnoreRuleManagement.PATTERN_SHAPE,
			"admin.ignore.reason.pattern");

	private final IgnoreRuleManagement rules;

	private final QueueManagement queues;

	private final ProblemText problemText;

	private final MessageSource messages;

	IgnoreRulePages(IgnoreRuleManagement rules, QueueManagement queues, ProblemText problemText,
			MessageSource messages) {
		this.rules = rules;
		this.queues = queues;
		this.problemText = problemText;
		this.messages = messages;
	}

	@GetMapping
	String list(@SignedIn Account me, Model model) {
		Admins.require(me);
		return page(model, IgnoreRuleForm.empty(), FormProblems.NONE);
	}

	@PostMapping
	String add(@SignedIn Account me, @ModelAttribute("form") IgnoreRuleForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			IgnoreRule added = rules.add(form.command());
			redirect.addFlashAttribute("added", added.name());
			return "redirect:/admin/ignore";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, form, problemText.describe(translated(ex.problems(), locale), locale));
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		rules.delete(id);
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/admin/ignore";
	}

	private String page(Model model, IgnoreRuleForm form, FormProblems problems) {
		List<Queue> all = queues.list();
		model.addAttribute("rules", rules.list());
		model.addAttribute("queues", all);
		model.addAttribute("queueTitles", all.stream().collect(Collectors.toMap(Queue::id, Queue::title)));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "web/admin/ignore";
	}

	private List<FieldProblem> translated(List<FieldProblem> problems, Locale locale) {
		Function<String, String> text = reason -> OWN_REASONS.containsKey(reason)
				? messages.getMessage(OWN_REASONS.get(reason), null, reason, locale) : reason;
		return problems.stream().map(p -> new FieldProblem(p.field(), text.apply(p.reason()))).toList();
	}
}
