package org.helpdesk.notification;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/**
 * Tells a rejection that will not change on retry (a malformed address, an SMTP 5xx reply) from a passing trouble
 * (server down, 4xx reply). Passing troubles are retried for ever, so no mail is lost to an outage.
 */
final class SendFailures {

	private SendFailures() {
	}

	static boolean isPermanent(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.push(failure);
		while (!todo.isEmpty()) {
			Throwable current = todo.pop();
			if (!seen.add(current)) {
				continue;
			}
			if (current instanceof AddressException || current instanceof MailParseException) {
				return true;
			}
			if (current instanceof SendFailedException rejected && isPermanent(rejected)) {
				return true;
			}
			if (current instanceof MailSendException send) {
				send.getFailedMessages().values().forEach(todo::push);
			}
			if (current instanceof MessagingException messaging && messaging.getNextException() != null) {
				todo.push(messaging.getNextException());
			}
			if (current.getCause() != null) {
				todo.push(current.getCause());
			}
		}
		return false;
	}

	private static boolean isPermanent(SendFailedException rejected) {
		int code = returnCode(rejected);
		if (code > 0) {
			return code >= 500;
		}
		return rejected.getInvalidAddresses() != null && rejected.getInvalidAddresses().length > 0;
	}

	/**
	 * The SMTP reply code of Angus Mail's SMTP exceptions. Read reflectively because Angus Mail is only a runtime
	 * dependency; the Jakarta Mail API has no such accessor.
	 */
	private static int returnCode(SendFailedException rejected) {
		try {
			Object code = rejected.getClass().getMethod("getReturnCode").invoke(rejected);
			return code instanceof Integer value ? value : -1;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return -1;
		}
	}
}
