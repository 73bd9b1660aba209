package org.helpdesk.web.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.helpdesk.account.Account;
import org.helpdesk.account.SignedIn;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.ticket.AttachmentFile;
import org.helpdesk.ticket.TicketReader;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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

	TicketPageController(TicketPage page, TicketReader reader, AttachmentStore files) {
		this.page = page;
		this.reader = reader;
		this.files = files;
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

	/**
	 * Always a download, never displayed inline, with the type stored at upload and no sniffing: an uploaded HTML
	 * or SVG file cannot run script in the helpdesk's origin.
	 */
	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long attachmentId,
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
		return ResponseEntity.ok()
			.contentType(mediaType(file.mimeType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new InputStreamResource(content));
	}

	private static MediaType mediaType(String stored) {
		try {
			return stored == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(stored);
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}
}
