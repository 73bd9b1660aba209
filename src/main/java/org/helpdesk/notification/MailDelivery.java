package org.helpdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.helpdesk.core.JakartaMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends what is due in the outbox: claims a batch, renders it, sends it over one SMTP connection ({@link SmtpBatch})
 * outside any transaction, and records for each mail whether it went out, must be retried, or is given up on.
 */
class MailDelivery {

	static {
		JakartaMail.findStreamsByName();
	}

	/** Permanent rejections are still tried a few times, in case they came from a misconfigured relay. */
	static final int PERMANENT_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final OutboxStore store;

	private final JavaMailSenderImpl smtp;

	private final NotificationSettings settings;

	private final Clock clock;

	private final MailMetrics metrics;

	private final MailRenderer renderer;

	MailDelivery(OutboxStore store, JavaMailSenderImpl smtp, NotificationSettings settings, Clock clock,
			MailMetrics metrics, MailRenderer renderer) {
		this.renderer = renderer;
		this.store = store;
		this.smtp = smtp;
		this.settings = settings;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** Sends batch after batch until nothing is due; returns how many mails this node tried. */
	int deliverDue() {
		int tried = 0;
		List<QueuedMail> batch;
		do {
			batch = store.claim(settings.batchSize(), settings.lease());
			deliver(batch);
			tried += batch.size();
		}
		while (batch.size() == settings.batchSize());
		return tried;
	}

	/** Renders the batch, sends it over one SMTP connection, and records every mail's outcome. */
	private void deliver(List<QueuedMail> batch) {
		Map<MimeMessage, QueuedMail> messages = new IdentityHashMap<>();
		Session session = smtp.getSession();
		for (QueuedMail mail : batch) {
			toMessage(session, mail).ifPresent(message -> messages.put(message, mail));
		}
		if (messages.isEmpty()) {
			return;
		}
		Map<MimeMessage, Exception> failures = SmtpBatch.send(smtp, messages.keySet().toArray(MimeMessage[]::new));
		List<Long> sent = new ArrayList<>();
		messages.forEach((message, mail) -> {
			Exception failure = failures.get(message);
			if (failure == null) {
				sent.add(mail.id());
			}
			else {
				failed(mail, failure);
			}
		});
		store.markSent(sent);
		metrics.sent(sent.size());
	}

	/**
	 * The mail ready to send. One that cannot be rendered or built never will be: it is failed at once with the
	 * reason, for an administrator to see, and the rest of the batch goes on.
	 */
	private Optional<MimeMessage> toMessage(Session session, QueuedMail mail) {
		MailBodies bodies;
		try {
			bodies = renderer.bodies(mail);
		}
		catch (RuntimeException ex) {
			givenUp(mail, mail.attempts() + 1, "could not be rendered: " + describe(ex));
			return Optional.empty();
		}
		try {
			return Optional.of(toMessage(session, mail, bodies));
		}
		catch (MessagingException ex) {
			failed(mail, ex);
			return Optional.empty();
		}
	}

	private static MimeMessage toMessage(Session session, QueuedMail mail, MailBodies bodies)
			throws MessagingException {
		MimeMessage message = new StampedMimeMessage(session, mail.messageId());
		message.setFrom(new InternetAddress(mail.sender(), true));
		message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
		message.setSubject(mail.subject(), "UTF-8");
		MailHeaders.stamp(message, mail);
		MimeMultipart alternatives = new MimeMultipart("alternative");
		alternatives.addBodyPart(part(bodies.text(), "plain"));
		alternatives.addBodyPart(part(bodies.html(), "html"));
		message.setContent(alternatives);
		return message;
	}

	private static MimeBodyPart part(String text, String subtype) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setText(text, "UTF-8", subtype);
		return part;
	}

	private void failed(QueuedMail mail, Exception failure) {
		int attempts = mail.attempts() + 1;
		String error = describe(failure);
		if (SendFailures.isPermanent(failure) && attempts >= PERMANENT_ATTEMPTS) {
			givenUp(mail, attempts, error);
			return;
		}
		store.retryLater(mail.id(), attempts, clock.instant().plus(backoff(attempts, settings.maxBackoff())), error);
		metrics.retried();
		if (attempts == 1) {
			log.warn("Could not send mail {} to {}, will retry: {}", mail.messageId(), mail.recipient(), error);
		}
		else {
			log.debug("Attempt {} to send mail {} failed: {}", attempts, mail.messageId(), error);
		}
	}

	private void givenUp(QueuedMail mail, int attempts, String error) {
		store.markFailed(mail.id(), attempts, error);
		metrics.failed();
		log.warn("Gave up on mail {} to {} after {} attempts: {}", mail.messageId(), mail.recipient(), attempts, error);
	}

	/** 2, 4, 8 … seconds, capped, so a long outage costs few attempts and a short one little delay. */
	static Duration backoff(int attempts, Duration max) {
		Duration wait = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 0), 30));
		return wait.compareTo(max) > 0 ? max : wait;
	}

	private static String describe(Exception failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
		if (cause != failure) {
			text += " (" + cause + ")";
		}
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}
}
