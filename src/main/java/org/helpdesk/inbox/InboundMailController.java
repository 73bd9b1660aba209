package org.helpdesk.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail pushed over HTTP by an MTA or a mail service, and the quarantine, for administrators (the /api/v1 security
 * rules). The push goes through {@link MailIngestion} like every mailbox; its answer comes after the commit, so a 200
 * means the message is safe in the helpdesk (a quarantined one too) and must not be sent again.
 */
@RestController
@RequestMapping("/api/v1/mail")
class InboundMailController {

	static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

	private final MailIngestion ingestion;

	private final MailQuarantine quarantine;

	private final BouncingAddresses bounces;

	private final QueueManagement queues;

	private final InboxSettings settings;

	InboundMailController(MailIngestion ingestion, MailQuarantine quarantine, BouncingAddresses bounces,
			QueueManagement queues, InboxSettings settings) {
		this.ingestion = ingestion;
		this.quarantine = quarantine;
		this.bounces = bounces;
		this.queues = queues;
		this.settings = settings;
	}

	/** The answer for one message; {@code ticket_id}/{@code followup_id} when a ticket was opened or followed up. */
	record IngestBody(String result, Long ticketId, Long followupId, String reason) {

		static IngestBody of(IngestOutcome outcome) {
			return new IngestBody(outcome.result().wireName(), outcome.ticketId(), outcome.followUpId(),
					outcome.reason());
		}
	}

	@PostMapping("/inbound")
	@RequestBody(description = "The raw message (RFC 5322) as it arrived", required = true,
			content = @Content(mediaType = "message/rfc822", schema = @Schema(type = "string")))
	IngestBody inbound(@RequestParam(name = "queue", required = false) String queue, HttpServletRequest request)
			throws IOException {
		Queue target = queue(queue);
		requireRfc822(request.getContentType());
		long limit = settings.maxMessageSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw new MessageTooLarge(limit);
		}
		byte[] raw;
		try (InputStream body = request.getInputStream()) {
			raw = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		}
		if (raw.length > limit) {
			throw new MessageTooLarge(limit);
		}
		if (raw.length == 0 || new String(raw, 0, Math.min(raw.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
			.isBlank()) {
			throw new InvalidInput("body", "is empty: send the raw message (RFC 5322)");
		}
		return IngestBody.of(ingestion.ingest(target.id(), raw, MailSource.HTTP));
	}

	@GetMapping("/quarantine")
	List<QuarantinedMail> quarantined() {
		return quarantine.list();
	}

	@GetMapping("/quarantine/{id}/raw")
	@ApiResponse(responseCode = "200", description = "The message's bytes as they arrived, as a download",
			content = @Content(mediaType = "message/rfc822", schema = @Schema(type = "string")))
	ResponseEntity<byte[]> raw(@PathVariable long id) {
		MailQuarantine.RawMail mail = quarantine.raw(id);
		return ResponseEntity.ok()
			.contentType(RFC822)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("quarantined-" + id + ".eml").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(mail.raw());
	}

	@PostMapping("/quarantine/{id}/reprocess")
	IngestBody reprocess(@PathVariable long id) {
		return IngestBody.of(quarantine.reprocess(id));
	}

	@DeleteMapping("/quarantine/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		quarantine.delete(id);
	}

	@GetMapping("/bounces")
	List<BouncingAddresses.Bouncing> bounces() {
		return bounces.list();
	}

	/** By id, or by slug. */
	private Queue queue(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("queue", "is required: the id or slug of the queue the mail was sent to");
		}
		return Input.wholeNumber(value).flatMap(queues::find).or(() -> queues.findBySlug(value.trim()))
			.orElseThrow(() -> new InvalidInput("queue", "no such queue"));
	}

	private static void requireRfc822(String contentType) {
		MediaType type;
		try {
			type = contentType == null ? null : MediaType.parseMediaType(contentType);
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			type = null;
		}
		if (type == null || !RFC822.getType().equals(type.getType().toLowerCase(Locale.ROOT))
				|| !RFC822.getSubtype().equals(type.getSubtype().toLowerCase(Locale.ROOT))) {
			throw new UnsupportedMailType(contentType);
		}
	}

	/** The body is not declared as a mail message. */
	static final class UnsupportedMailType extends RuntimeException {

		UnsupportedMailType(String contentType) {
			super("Content-Type must be message/rfc822" + (contentType == null ? "" : ", not " + contentType), null,
					false, false);
		}
	}

	/** The message is larger than {@code helpdesk.inbox.max-message-size}. */
	static final class MessageTooLarge extends RuntimeException {

		MessageTooLarge(long limit) {
			super("The message is larger than the limit of " + limit + " bytes (helpdesk.inbox.max-message-size)",
					null, false, false);
		}
	}
}
