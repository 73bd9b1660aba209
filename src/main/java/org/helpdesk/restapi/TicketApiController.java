package org.helpdesk.restapi;

import java.io.IOException;

import org.helpdesk.account.Account;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Download;
import org.helpdesk.ticket.AttachmentFile;
import org.helpdesk.customfield.CustomFieldManagement;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketNotFound;
import org.helpdesk.ticket.TicketReader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets for staff: agents see the tickets of their queues, administrators all.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {

	private final TicketReader reader;

	private final TicketManagement tickets;

	private final AttachmentStore files;

	private final CustomFieldManagement customFields;

	TicketApiController(TicketReader reader, TicketManagement tickets, AttachmentStore files,
			CustomFieldManagement customFields) {
		this.reader = reader;
		this.customFields = customFields;
		this.tickets = tickets;
		this.files = files;
	}

	record CcBody(String email) {
	}

	@GetMapping("/{id}")
	TicketBody get(@PathVariable long id, @AuthenticationPrincipal(expression = "account") Account caller) {
		var ticket = reader.visible(id, caller).orElseThrow(() -> new TicketNotFound(id));
		return TicketBody.of(ticket, customFields.valuesOf(id), reader.followUps(id));
	}

	@PostMapping("/{id}/ccs")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void addCc(@PathVariable long id, @RequestBody CcBody body, @AuthenticationPrincipal(expression = "account") Account caller) {
		tickets.addCc(id, body.email(), caller);
	}

	/** Attachments are always downloaded, never rendered inline, and only by people who may see the ticket. */
	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal(expression = "account") Account caller) throws IOException {
		reader.visible(id, caller).orElseThrow(() -> new TicketNotFound(id));
		AttachmentFile file = reader.attachment(id, attachmentId).orElseThrow(() -> new TicketNotFound(id));
		return Download.of(file.filename(), file.mimeType(), file.size(), files.open(file.storageKey()));
	}
}
