package org.helpdesk.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.helpdesk.support.FullStackTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to the pages: garbled headers, text in the address, addresses the mailer would read differently.
 * Each is answered with an ordinary page, never an error and never an echo.
 */
abstract class PagesBadInputTests extends FullStackTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/login|en;q=2", "/submit|en;q=2", "/login|de;q=abc", "/submit|*;q=-1",
			"/login|;;;=", "/api/help/|en;q=2" })
	void aGarbledAcceptLanguageFallsBackToEnglish(String path, String acceptLanguage) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + path))
			.header("Accept", "text/html")
			.header("Accept-Language", acceptLanguage)
			.GET()
			.build();

		HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"en\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Your+account+is+locked.+Call+0900-SCAM", "%3Cb%3Ebold%3C%2Fb%3E", "300" })
	void theThrottledNoticeIsAFixedTextThatNeverEchoesTheAddress(String text) {
		Page login = new BrowserlessSession(client.base()).get("/login?throttled=" + text);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.body()).contains("Too many failed attempts. Please wait a few minutes before you try again.")
			.doesNotContain("SCAM").doesNotContain("bold").doesNotContain("300");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postmaster(x)@example.com", "root('a')'@example.com", "x)y@example.com" })
	void thePortalRefusesAnAddressTheMailerWouldSendElsewhere(String address) {
		String slug = unique("pub");
		long queue = client.createQueue(Map.of("title", "Public " + slug, "slug", slug, "allow_public_submission", true));
		BrowserlessSession visitor = new BrowserlessSession(client.base());
		visitor.get("/submit");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("queue", String.valueOf(queue));
		fields.put("email", address);
		fields.put("title", "Hostile address");
		fields.put("description", "Where does the mail go?");
		fields.put("website", "");

		Page answer = visitor.multipart("/submit", fields, List.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from ticket where queue_id = ?").param(queue).query(Long.class).single())
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u0000", "\u001f" })
	void thePortalReadsNoQueueNumberWithAControlCharacterAfterIt(String control) {
		String slug = unique("pub");
		long queue = client.createQueue(Map.of("title", "Public " + slug, "slug", slug, "allow_public_submission", true));
		BrowserlessSession visitor = new BrowserlessSession(client.base());
		visitor.get("/submit");

		Page answer = visitor.multipart("/submit", Map.of("queue", queue + control, "email",
				unique("cust") + "@example.test", "title", "Nul queue", "description", "x", "website", ""), List.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from ticket where queue_id = ?").param(queue).query(Long.class).single())
			.isZero();
	}
}
