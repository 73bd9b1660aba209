package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class SendFailuresTest {

	@Test
	void rejectedRecipientIsPermanent() throws Exception {
		Address[] invalid = { new InternetAddress("nobody@example.test") };
		var rejected = new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0], invalid);
		assertThat(SendFailures.isPermanent(new MailSendException(Map.of(new Object(), rejected)))).isTrue();
	}

	@Test
	void malformedAddressIsPermanent() {
		assertThat(SendFailures.isPermanent(new AddressException("Missing final '@domain'"))).isTrue();
	}

	@Test
	void unreachableServerIsTransient() {
		var refused = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
		assertThat(SendFailures.isPermanent(new MailSendException("Mail server connection failed", refused))).isFalse();
		assertThat(SendFailures.isPermanent(new MailSendException(Map.of(new Object(), refused)))).isFalse();
	}

	@Test
	void failedLoginIsTransientSoFixingTheConfigurationDeliversTheMail() {
		assertThat(SendFailures.isPermanent(new MailAuthenticationException("535 bad credentials"))).isFalse();
	}

	@Test
	void retriesBackOffExponentiallyUpToTheLimit() {
		Duration max = Duration.ofSeconds(30);
		assertThat(MailDelivery.backoff(1, max)).isEqualTo(Duration.ofSeconds(2));
		assertThat(MailDelivery.backoff(4, max)).isEqualTo(Duration.ofSeconds(16));
		assertThat(MailDelivery.backoff(5, max)).isEqualTo(max);
		assertThat(MailDelivery.backoff(1000, max)).isEqualTo(max);
	}
}
