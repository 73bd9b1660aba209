package org.helpdesk.legacyapi;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over {@code helpdesk.api.max-request-size} are answered 413 before anything is read or written. The limit
 * is set to 64 KB here so that the tests stay small.
 */
@TestPropertySource(properties = "helpdesk.api.max-request-size=64KB")
abstract class LegacyRequestSizeTests extends LegacyApiSupport {

	private static final int OVER_THE_LIMIT = 100 * 1024;

	@Test
	void aLargeFormBodyIsRefusedWith413AndCreatesNothing() {
		String title = unique("Too big ");

		Response response = call("create_ticket", "queue", String.valueOf(queue), "title", title, "body",
				"x".repeat(OVER_THE_LIMIT));

		assertCleanError(response, 413);
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@Test
	void aLargeMultipartUploadIsRefusedWith413AndCreatesNothing() {
		String title = unique("Too big ");

		Response response = client.multipart("/api/create_ticket/",
				as("queue", String.valueOf(queue), "title", title),
				List.of(new FilePart("attachment", "big.log", "text/plain", new byte[OVER_THE_LIMIT])));

		assertCleanError(response, 413);
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@Test
	void theRefusalStatesTheRealLimit() {
		Response response = call("create_ticket", "queue", String.valueOf(queue), "title", "x", "body",
				"x".repeat(OVER_THE_LIMIT));

		assertThat(response.body()).doesNotContain(" 0 MiB").containsAnyOf("64 KB", "64 KiB", "65536");
	}

	@Test
	void aBodyJustUnderTheLimitIsAccepted() {
		long id = openTicket("body", "x".repeat(60 * 1024));

		assertThat(client.ticket(id).get("description").asString()).hasSize(60 * 1024);
	}

	@Test
	void aChunkedFormBodyOverTheLimitIsRefusedWith413() throws Exception {
		String title = unique("Too big, chunked ");
		byte[] body = ("user=" + agent + "&password=" + PASSWORD + "&queue=" + queue + "&title=" + title.replace(' ', '+')
				+ "&body=" + "x".repeat(OVER_THE_LIMIT)).getBytes(StandardCharsets.US_ASCII);
		// a body of unknown length goes out chunked, without a Content-Length the size filter could read
		HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + "/api/create_ticket/"))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.body()).startsWith("Request body too large").contains("64 KiB");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}
}
