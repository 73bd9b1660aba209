package org.helpdesk.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Whether this node can send mail at all: Spring Boot makes a mail sender only when {@code spring.mail.host} is set,
 * and without one the outbox keeps every mail until an operator configures SMTP and restarts.
 */
@Component
public class SmtpStatus {

	private final boolean configured;

	SmtpStatus(ObjectProvider<JavaMailSender> senders) {
		this.configured = senders.getIfAvailable() != null;
	}

	public boolean configured() {
		return configured;
	}
}
