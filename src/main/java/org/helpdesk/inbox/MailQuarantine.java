package org.helpdesk.inbox;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with messages that could not be taken in: look at them and their reason, download the raw
 * message, take it in again once the cause is fixed, or delete it. Callers check that the caller is an administrator.
 */
@Service
public class MailQuarantine {

	/** A quarantined message's bytes, for download. */
	public record RawMail(QuarantinedMail mail, byte[] raw) {
	}

	private final QuarantineStore store;

	private final MailIngestion ingestion;

	MailQuarantine(QuarantineStore store, MailIngestion ingestion) {
		this.store = store;
		this.ingestion = ingestion;
	}

	/** The newest quarantined messages first (at most {@value QuarantineStore#LIST_LIMIT}). */
	@Transactional(readOnly = true)
	public List<QuarantinedMail> list() {
		return store.list();
	}

	@Transactional(readOnly = true)
	public RawMail raw(long id) {
		QuarantineStore.Kept kept = store.find(id).orElseThrow(() -> new QuarantinedMailNotFound(id));
		return new RawMail(kept.mail(), kept.raw());
	}

	/**
	 * Takes the message in again through the same path as any new mail. It leaves quarantine when that succeeds (or
	 * finds it was taken in already); when it fails again it stays, with the new reason.
	 */
	public IngestOutcome reprocess(long id) {
		QuarantineStore.Kept kept = store.find(id).orElseThrow(() -> new QuarantinedMailNotFound(id));
		return ingestion.reprocess(kept);
	}

	@Transactional
	public void delete(long id) {
		if (!store.delete(id)) {
			throw new QuarantinedMailNotFound(id);
		}
	}
}
