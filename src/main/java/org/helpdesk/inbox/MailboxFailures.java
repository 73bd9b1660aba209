package org.helpdesk.inbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;

import jakarta.mail.AuthenticationFailedException;

/**
 * Why talking to a mailbox failed, in one line an administrator can act on: no stack trace, and never the password
 * (a server that echoes it back in an error does not get it onto the page or into the log).
 */
final class MailboxFailures {

	private MailboxFailures() {
	}

	static String describe(Throwable failure, String password) {
		String reason = reason(failure);
		if (password != null && !password.isEmpty()) {
			reason = reason.replace(password, "***");
		}
		reason = reason.replaceAll("[\\r\\n\\t]+", " ").trim();
		return reason.length() > 500 ? reason.substring(0, 500) : reason;
	}

	private static String reason(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof AuthenticationFailedException) {
				return "sign-in refused: " + text(t);
			}
			if (t instanceof UnknownHostException) {
				return "unknown host " + t.getMessage();
			}
			if (t instanceof ConnectException) {
				return "cannot connect: " + text(t);
			}
			if (t instanceof SocketTimeoutException) {
				return "no answer in time: " + text(t);
			}
			if (t instanceof NoSuchFileException) {
				return "folder not found: " + t.getMessage();
			}
			if (t instanceof AccessDeniedException) {
				return "no permission: " + t.getMessage();
			}
			if (t instanceof javax.net.ssl.SSLException) {
				return "TLS failed: " + text(t);
			}
		}
		return text(failure);
	}

	private static String text(Throwable t) {
		return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
	}
}
