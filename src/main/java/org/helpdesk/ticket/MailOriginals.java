package org.helpdesk.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.core.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The original HTML of a mail that made a follow-up, shown only through the allowlist sanitiser
 * ({@link Markdown#cleanHtml}); the raw file stays a download. Callers check who may read the ticket.
 */
@Service
@Transactional(readOnly = true)
public class MailOriginals {

	/** Larger HTML is not cleaned for display (it stays downloadable): cleaning costs time on every view. */
	public static final int LARGEST_SHOWN = 2 * 1024 * 1024;

	/** The follow-up it belongs to, and its cleaned HTML (null when the file is larger than {@link #LARGEST_SHOWN}). */
	public record Original(long followUpId, long attachmentId, boolean isPublic, String safeHtml) {
	}

	private final Tickets tickets;

	private final AttachmentStore files;

	private final Markdown sanitiser;

	MailOriginals(Tickets tickets, AttachmentStore files, Markdown sanitiser) {
		this.tickets = tickets;
		this.files = files;
		this.sanitiser = sanitiser;
	}

	/** The original HTML if {@code attachmentId} is one on this ticket and its file is still there. */
	public Optional<Original> of(long ticketId, long attachmentId) {
		Optional<FollowUpView> followUp = tickets.followUps(ticketId).stream()
			.filter(f -> f.originalHtml() != null && f.originalHtml() == attachmentId).findFirst();
		Optional<AttachmentFile> file = followUp.flatMap(f -> tickets.attachment(ticketId, attachmentId));
		if (file.isEmpty()) {
			return Optional.empty();
		}
		FollowUpView f = followUp.get();
		if (file.get().size() > LARGEST_SHOWN) {
			return Optional.of(new Original(f.id(), attachmentId, f.isPublic(), null));
		}
		try (InputStream in = files.open(file.get().storageKey())) {
			String html = new String(in.readNBytes(LARGEST_SHOWN), StandardCharsets.UTF_8);
			return Optional.of(new Original(f.id(), attachmentId, f.isPublic(), sanitiser.cleanHtml(html)));
		}
		catch (IOException gone) {
			return Optional.empty();
		}
	}
}
