package org.helpdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.Upload;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * The files a mail brings, checked one by one: a mail is not a form whose sender can fix a refused file and send it
 * again, so a file the size limit refuses is left out and noted in the follow-up's history, and the others are kept
 * whatever their extension ({@link AttachmentStore#validateMailed}: they are only ever served as downloads). The
 * full text of the mail, when it says more than the follow-up shows, is kept as one more file.
 */
@Component
class MailAttachments {

	static final String FULL_TEXT_NAME = "full-message.txt";

	/** The files to keep, and a history entry for each one left out. */
	record Checked(List<Upload> valid, List<FieldChange> skipped) {

		List<String> skippedNotes() {
			return skipped.stream().map(c -> c.oldValue() + ": " + c.newValue()).toList();
		}
	}

	private final AttachmentStore files;

	private final Tickets tickets;

	MailAttachments(AttachmentStore files, Tickets tickets) {
		this.files = files;
		this.tickets = tickets;
	}

	Checked check(TicketMail mail) {
		List<Upload> uploads = new ArrayList<>(mail.attachments());
		if (mail.fullText() != null && !mail.fullText().equals(mail.comment())) {
			byte[] text = mail.fullText().getBytes(StandardCharsets.UTF_8);
			uploads.add(new Upload(FULL_TEXT_NAME, "text/plain", text.length, new ByteArrayResource(text)));
		}
		List<Upload> valid = new ArrayList<>();
		List<FieldChange> skipped = new ArrayList<>();
		for (Upload upload : uploads) {
			try {
				files.validateMailed("attachment", List.of(upload));
				valid.add(upload);
			}
			catch (InvalidInput refused) {
				String reason = refused.problems().stream().map(FieldProblem::reason).reduce((a, b) -> a + "; " + b)
					.orElse("refused");
				skipped.add(new FieldChange("Attachment not kept", upload.filename(), reason));
			}
		}
		return new Checked(valid, skipped);
	}

	void store(long followUpId, List<Upload> valid) {
		for (Upload upload : valid) {
			tickets.insertAttachment(followUpId, files.store(upload));
		}
	}
}
