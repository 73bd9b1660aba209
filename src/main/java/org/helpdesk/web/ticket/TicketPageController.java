package org.helpdesk.web.ticket;

import java.io.IOException;
import java.io.InputStream;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Download;
import org.helpdesk.ticket.AttachmentFile;
import org.helpdesk.ticket.MailOriginals;
import org.helpdesk.ticket.TicketReader;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reading a ticket: the page, the "changed meanwhile" check the page polls, and attachment downloads.
 */
@Controller
class TicketPageController {

	private final TicketPage page;

	private final TicketReader reader;

	private final AttachmentStore files;

	private final MailOriginals originals;

	TicketPageController(TicketPage page, TicketReader reader, AttachmentStore files, MailOriginals originals) {
		this.page = page;
		this.reader = reader;
		this.files = files;
		this.originals = originals;
	}

	@GetMapping({ "/tickets/{id}", "/tickets/{id}/" })
	String show(@PathVariable long id, @SignedIn Account me, Model model) {
		return page.show(id, me, model);
	}

	/** An alert when the ticket moved past the version the page showed; nothing otherwise. */
	@GetMapping("/tickets/{id}/version")
	String version(@PathVariable long id, @RequestParam(required = false) Integer seen, @SignedIn Account me,
			Model model) {
		int current = page.version(id, me);
		model.addAttribute("changed", seen != null && seen != current);
		model.addAttribute("ticketId", id);
		return "web/ticket/fragments :: changed";
	}

	/** Always a download ({@link Download}): an HTML or SVG file cannot run script in the helpdesk's origin. */
	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long attachmentId,
			@SignedIn Account me) {
		page.ticket(id, me);
		AttachmentFile file = reader.attachment(id, attachmentId).orElseThrow(AttachmentNotFound::new);
		InputStream content;
		try {
			content = files.open(file.storageKey());
		}
		catch (IOException ex) {
			throw new AttachmentNotFound();
		}
		return Download.of(file.filename(), file.mimeType(), file.size(), content);
	}

	/** The HTML body of a mail that made a follow-up, through the sanitiser; the raw file stays a download. */
	@GetMapping("/tickets/{id}/attachments/{attachmentId}/original")
	String original(@PathVariable long id, @PathVariable long attachmentId, @SignedIn Account me, Model model) {
		model.addAttribute("ticket", page.ticket(id, me));
		model.addAttribute("original", originals.of(id, attachmentId).orElseThrow(AttachmentNotFound::new));
		return "web/ticket/original";
	}
}
