package org.helpdesk.web.admin;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.core.NotFound;
import org.helpdesk.inbox.IngestOutcome;
import org.helpdesk.inbox.MailQuarantine;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inbound mail that could not be taken in: each message with its reason, its raw bytes to download, and taking it in
 * again or deleting it.
 */
@Controller
@RequestMapping("/admin/quarantine")
class QuarantineAdminPages {

	private final MailQuarantine quarantine;

	QuarantineAdminPages(MailQuarantine quarantine) {
		this.quarantine = quarantine;
	}

	@GetMapping
	String show(@SignedIn Account me, Model model) {
		Admins.require(me);
		model.addAttribute("mails", quarantine.list());
		return "web/admin/quarantine";
	}

	@GetMapping("/{id}/raw")
	ResponseEntity<byte[]> raw(@SignedIn Account me, @PathVariable long id) {
		Admins.require(me);
		try {
			MailQuarantine.RawMail mail = quarantine.raw(id);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("quarantined-" + id + ".eml").build().toString())
				.body(mail.raw());
		}
		catch (NotFound gone) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@PostMapping("/{id}/reprocess")
	String reprocess(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			IngestOutcome outcome = quarantine.reprocess(id);
			redirect.addFlashAttribute("reprocessed", outcome.result().wireName());
			redirect.addFlashAttribute("reason", outcome.reason());
		}
		catch (NotFound gone) {
			redirect.addFlashAttribute("gone", true);
		}
		return "redirect:/admin/quarantine";
	}

	@PostMapping("/{id}/delete")
	String delete(@SignedIn Account me, @PathVariable long id, RedirectAttributes redirect) {
		Admins.require(me);
		try {
			quarantine.delete(id);
			redirect.addFlashAttribute("deleted", true);
		}
		catch (NotFound gone) {
			redirect.addFlashAttribute("gone", true);
		}
		return "redirect:/admin/quarantine";
	}
}
