package org.helpdesk.web.admin;

import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.FullStackTest;
import org.helpdesk.support.HelpdeskClient.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an SMTP server mail only piles up in the outbox: the administrator is told so, with how much is waiting, on
 * the outbox page and on the dashboard, where the setup checklist also keeps the step open.
 */
abstract class SmtpMissingTests extends FullStackTest {

	@DynamicPropertySource
	static void withoutMailServer(DynamicPropertyRegistry registry) {
		// "false" is how Spring Boot's mail auto-configuration reads a host that is not set
		registry.add("spring.mail.host", () -> "false");
	}

	@Test
	void theOutboxAndTheDashboardSayThatNoSmtpServerIsConfiguredAndHowMuchMailWaits() {
		String slug = unique("mail");
		long queue = client.createQueue(Map.of("title", "Queue " + slug, "slug", slug));
		Response created = client.legacy("create_ticket", Map.of("user", ADMIN, "password", ADMIN_PASSWORD, "queue",
				String.valueOf(queue), "title", "Printer jams", "body", "Tray 2", "submitter_email",
				unique("bob") + "@example.test"));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		BrowserlessSession admin = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);

		assertThat(page(admin, "/admin/outbox").getElementById("smtp-missing").text())
			.contains("No SMTP server is configured").contains("1 waiting");
		Document dashboard = page(admin, "/dashboard");
		assertThat(dashboard.getElementById("smtp-missing").text()).contains("No SMTP server is configured")
			.contains("1 waiting");
		assertThat(dashboard.select("#setup-smtp:not(.done) a[href$=/admin/outbox]")).hasSize(1);
	}

	private static Document page(BrowserlessSession session, String path) {
		BrowserlessSession.Page page = session.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return Jsoup.parse(page.body());
	}
}
