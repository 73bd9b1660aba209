package org.helpdesk.web.admin;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.helpdesk.webhook.EventKinds;
import org.helpdesk.webhook.WebhookChanges;
import org.helpdesk.webhook.WebhookManagement;
import org.helpdesk.webhook.WebhookWithSecret;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook endpoints: every endpoint with what it receives and whether it is failing, a form to register one, and
 * per endpoint its newest deliveries with their attempts and a button to send each again. A secret is shown once,
 * right after it was made.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

	private final WebhookManagement webhooks;

	private final QueueManagement queues;

	private final ProblemText problemText;

	WebhookPages(WebhookManagement webhooks, QueueManagement queues, ProblemText problemText) {
		this.webhooks = webhooks;
		this.queues = queues;
		this.problemText = problemText;
	}

	@GetMapping
	String list(@SignedIn Account me, Model model) {
		Admins.require(me);
		return page(model, WebhookForm.empty(), FormProblems.NONE);
	}

	@PostMapping
	String add(@SignedIn Account me, @ModelAttribute("form") WebhookForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			WebhookWithSecret added = webhooks.register(form.command());
			redirect.addFlashAttribute("secretOf", added.endpoint().url());
			redirect.addFlashAttribute("secret", added.secret().orElseThrow());
			return "redirect:/admin/webhooks";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, form, problemText.describe(ex.problems(), locale));
		}
	}

	@PostMapping("/{id}/active")
	String active(@SignedIn Account me, @PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean active) {
		Admins.require(me);
		webhooks.change(id, WebhookChanges.active(active));
		return "redirect:/admin/webhooks";
	}

	@PostMapping("/{id}/secret")
	String newSecret(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		WebhookWithSecret changed = webhooks.change(id, WebhookChanges.newGeneratedSecret());
		redirect.addFlashAttribute("secretOf", changed.endpoint().url());
		redirect.addFlashAttribute("secret", changed.secret().orElseThrow());
		return "redirect:/admin/webhooks";
	}

	@PostMapping("/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		webhooks.delete(id);
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/admin/webhooks";
	}

	@GetMapping("/{id}")
	String deliveries(@SignedIn Account me, @PathVariable long id, Model model) {
		Admins.require(me);
		model.addAttribute("endpoint", webhooks.get(id));
		model.addAttribute("deliveries", webhooks.deliveries(id, 100));
		return "web/admin/webhook-deliveries";
	}

	@PostMapping("/deliveries/{deliveryId}/redeliver")
	String redeliver(@SignedIn Account me, @PathVariable long deliveryId, RedirectAttributes redirect) {
		Admins.require(me);
		long endpoint = webhooks.redeliver(deliveryId).endpointId();
		redirect.addFlashAttribute("redelivered", deliveryId);
		return "redirect:/admin/webhooks/" + endpoint;
	}

	private String page(Model model, WebhookForm form, FormProblems problems) {
		List<Queue> all = queues.list();
		model.addAttribute("webhooks", webhooks.list());
		model.addAttribute("kinds", EventKinds.ALL);
		model.addAttribute("queues", all);
		model.addAttribute("queueTitles", all.stream().collect(Collectors.toMap(Queue::id, Queue::title)));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "web/admin/webhooks";
	}
}
