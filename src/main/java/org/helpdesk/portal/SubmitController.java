package org.helpdesk.portal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.attachment.Upload;
import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.BaseUrl;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.ticket.CustomerAccess;
import org.helpdesk.ticket.CustomerTickets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The front door: the public submit form, guarded by a honeypot field and per-address limits, and its confirmation.
 */
@Controller
class SubmitController {

	private final CustomerTickets customers;

	private final SubmissionLimiter limiter;

	private final PortalSettings settings;

	private final BaseUrl baseUrl;

	SubmitController(CustomerTickets customers, SubmissionLimiter limiter, PortalSettings settings, BaseUrl baseUrl) {
		this.customers = customers;
		this.limiter = limiter;
		this.settings = settings;
		this.baseUrl = baseUrl;
	}

	/** Staff start their day on the dashboard; everyone else at the submit form. */
	@GetMapping("/")
	String home(@SignedIn Optional<Account> me, Model model) {
		if (me.filter(Account::isStaff).isPresent()) {
			return "redirect:/dashboard";
		}
		return form(SubmitForm.blank(me.orElse(null)), model);
	}

	@GetMapping({ "/submit", "/submit/" })
	String submitForm(@SignedIn Optional<Account> me, Model model) {
		return form(SubmitForm.blank(me.orElse(null)), model);
	}

	@PostMapping({ "/submit", "/submit/" })
	String submit(@ModelAttribute("form") SubmitForm form, @RequestParam(required = false) String website,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (website != null && !website.isEmpty()) {
			// only robots fill the invisible field: let them believe it worked
			redirect.addFlashAttribute("received", true);
			return "redirect:/submit/thanks";
		}
		String client = request.getRemoteAddr();
		if (!limiter.allows(form.email(), client)) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(settings.submissionWindow().toSeconds()));
			model.addAttribute("throttled", true);
			return form(form, model);
		}
		try {
			CustomerAccess access = customers.submit(form.toSubmission(Upload.chosen(files)));
			limiter.record(form.email(), client);
			// plain strings: the flash map lives in the session, which may be stored in the database
			redirect.addFlashAttribute("ref", access.ticket());
			redirect.addFlashAttribute("linkPath", access.link());
			return "redirect:/submit/thanks";
		}
		catch (InvalidInput invalid) {
			response.setStatus(400);
			model.addAttribute("errors", FormErrors.of(invalid));
			return form(form, model);
		}
	}

	/** Shown once after submitting (the reference and link travel in the session's flash attributes). */
	@GetMapping("/submit/thanks")
	String thanks(Model model) {
		if (model.getAttribute("linkPath") instanceof String path) {
			model.addAttribute("link", baseUrl.resolve(path));
		}
		else if (model.getAttribute("received") == null) {
			return "redirect:/submit";
		}
		return "portal/thanks";
	}

	private String form(SubmitForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("queues", customers.publicQueues());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "portal/submit";
	}
}
