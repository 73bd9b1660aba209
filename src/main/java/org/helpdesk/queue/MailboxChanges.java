package org.helpdesk.queue;

import java.util.List;

import org.helpdesk.core.FieldProblem;

/**
 * Applies a {@link MailboxDraft} to the mailbox a queue has (or {@link Mailbox#NONE} for a new one).
 */
final class MailboxChanges {

	static final String TYPE_REASON = "must be one of imap, pop3, local or empty";

	private MailboxChanges() {
	}

	static Mailbox apply(Mailbox current, MailboxDraft draft, boolean newPassword, List<FieldProblem> problems) {
		MailboxType type = current.type();
		if (draft.type() != null) {
			type = MailboxType.parse(draft.type()).orElse(null);
			if (type == null) {
				problems.add(new FieldProblem("email_box_type", TYPE_REASON));
				type = current.type();
			}
		}
		Integer port = draft.port() == null ? current.port() : draft.port() == 0 ? null : draft.port();
		return new Mailbox(type, text(draft.host(), current.host()), port,
				draft.ssl() == null ? current.ssl() : draft.ssl(), text(draft.user(), current.user()),
				current.passwordSet() || newPassword, text(draft.imapFolder(), current.imapFolder()),
				text(draft.localDir(), current.localDir()),
				draft.interval() == null ? current.intervalSeconds() : draft.interval());
	}

	/** The new password, if the draft brings one. */
	static boolean bringsPassword(MailboxDraft draft) {
		return draft.password() != null && !draft.password().isEmpty();
	}

	private static String text(String value, String current) {
		if (value == null) {
			return current;
		}
		return value.isBlank() ? null : value.trim();
	}
}
