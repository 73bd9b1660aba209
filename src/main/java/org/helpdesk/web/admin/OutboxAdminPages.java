package org.helpdesk.web.admin;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.notification.OutboxAdministration;
import org.helpdesk.notification.SmtpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mail outbox: what is waiting, what failed, and sending failed mail again.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxAdminPages {

	private final OutboxAdministration outbox;

	private final SmtpStatus smtp;

	OutboxAdminPages(OutboxAdministration outbox, SmtpStatus smtp) {
		this.outbox = outbox;
		this.smtp = smtp;
	}

	@GetMapping
	String show(@SignedIn Account me, Model model) {
		Admins.require(me);
		model.addAttribute("counts", outbox.counts());
		model.addAttribute("mails", outbox.pending());
		model.addAttribute("limit", OutboxAdministration.LIST_LIMIT);
		model.addAttribute("smtpConfigured", smtp.configured());
		return "web/admin/outbox";
	}

	@PostMapping("/{id}/retry")
	String retry(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		redirect.addFlashAttribute("retried", outbox.retry(id) ? 1 : 0);
		return "redirect:/admin/outbox";
	}

	@PostMapping("/retry-failed")
	String retryAll(@SignedIn Account me, RedirectAttributes redirect) {
		Admins.require(me);
		redirect.addFlashAttribute("retried", outbox.retryAllFailed());
		return "redirect:/admin/outbox";
	}
}
