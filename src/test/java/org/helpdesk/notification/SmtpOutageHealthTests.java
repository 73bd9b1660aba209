package org.helpdesk.notification;

import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose SMTP server is down still serves every request (mail waits in the outbox), so its health and
 * readiness must stay UP: a load balancer would otherwise take a healthy node out of service.
 */
@DirtiesContext
abstract class SmtpOutageHealthTests extends FullStackTest {

	/**
	 * The shared GreenMail server listens on 127.0.0.1 only ({@code TestMail}), so on 127.0.0.2 its port is closed:
	 * an SMTP server that is down. (The host, not the port: FullStackTest's port registration would win.)
	 */
	@DynamicPropertySource
	static void smtpServerDown(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.2");
	}

	@Test
	void healthAndReadinessStayUpWhileTheSmtpServerIsDown() {
		assertUp(client.get("/actuator/health"));
		assertUp(client.get("/actuator/health/readiness"));
	}

	@Test
	void anAdministratorSeesTheOutboxAsAComponentOfItsOwnCountingTheWaitingMail() {
		Response outbox = client.request("GET", "/actuator/health/outbox", ADMIN, ADMIN_PASSWORD, null);

		assertUp(outbox);
		assertThat(outbox.json().get("details").get("queued").isNumber()).as(outbox.body()).isTrue();
	}

	private static void assertUp(Response health) {
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}
}
