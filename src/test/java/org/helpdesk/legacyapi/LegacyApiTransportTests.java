package org.helpdesk.legacyapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport of the legacy API: paths, HTTP methods, the help page and its examples, and hostile input.
 */
abstract class LegacyApiTransportTests extends LegacyApiSupport {

	private static final Pattern CURL = Pattern.compile("curl --data \"([^\"]*)\" (\\S+/api/(\\w+)/)");

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE" })
	void anythingButPostIsNotAllowedAndSaysSo(String method) {
		Response response = client.send(method, "/api/create_ticket/");

		assertPlainText(response, 405, response.body());
		assertThat(response.header("Allow")).isEqualTo("POST");
		assertCleanError(response, 405);
	}

	@Test
	void anUnknownMethodIsNotFound() {
		Response response = call("frobnicate");

		assertCleanError(response, 404);
	}

	@Test
	void theTrailingSlashIsOptional() {
		long id = openTicket();

		Response response = client.form("/api/hold_ticket", as("ticket", String.valueOf(id)));

		assertOk(response);
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/", "/api", "/api/help/", "/api/help" })
	void theHelpPageNeedsNoCredentialsAndShowsThisServersAddress(String path) {
		Response response = client.get(path);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains(client.base() + "/api/hold_ticket/")
			.contains(client.base() + "/api/create_ticket/")
			.contains("hold_ticket")
			.doesNotContain("http://localhost:8080");
	}

	private List<String[]> curlExamples() {
		String page = client.get("/api/help/").body().replace("&amp;", "&");
		List<String[]> examples = new ArrayList<>();
		Matcher m = CURL.matcher(page);
		while (m.find()) {
			examples.add(new String[] { m.group(1), m.group(2), m.group(3) });
		}
		return examples;
	}

	private String curl(String data, String url) throws IOException, InterruptedException {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
		Process process = new ProcessBuilder("/usr/bin/curl", "--silent", "--show-error", "--data", data, url)
			.redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	private String withRealValues(String data, long ticket) {
		return data.replace("user=susan", "user=" + agent)
			.replace("password=fido", "password=" + PASSWORD)
			.replace("ticket=31794", "ticket=" + ticket)
			.replace("queue=1&", "queue=" + queue + "&");
	}

	@Test
	void theHelpPagesCurlHoldExampleWorksVerbatimWithRealCredentials() throws Exception {
		long id = openTicket();
		String[] hold = curlExamples().stream().filter(e -> e[2].equals("hold_ticket")).findFirst().orElseThrow();

		String printed = curl(withRealValues(hold[0], id), hold[1]);

		assertThat(printed).isEqualTo("OK");
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isTrue();
	}

	@Test
	void theHelpPagesCurlCreateExamplePrintsTheNewTicketsId() throws Exception {
		String[] create = curlExamples().stream().filter(e -> e[2].equals("create_ticket")).findFirst().orElseThrow();

		String printed = curl(withRealValues(create[0], 0), create[1]);

		assertThat(printed).matches("\\d+");
		assertThat(client.ticket(Long.parseLong(printed)).get("title").asString()).isEqualTo("Printer on fire");
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedNamingTheField() {
		String before = "user=" + agent + "&password=" + PASSWORD + "&queue=" + queue + "&title=%FF%FEbad";

		Response response = client.raw("/api/create_ticket/", "application/x-www-form-urlencoded",
				before.getBytes(StandardCharsets.US_ASCII));

		assertCleanError(response, 400);
		assertThat(response.body()).startsWith("title: ");
	}

	@Test
	void rawLatin1BytesInTheBodyAreRefused() {
		byte[] prefix = ("user=" + agent + "&password=" + PASSWORD + "&queue=" + queue + "&title=ok&body=")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] latin1 = "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1);
		byte[] all = new byte[prefix.length + latin1.length];
		System.arraycopy(prefix, 0, all, 0, prefix.length);
		System.arraycopy(latin1, 0, all, prefix.length, latin1.length);

		Response response = client.raw("/api/create_ticket/", "application/x-www-form-urlencoded", all);

		assertCleanError(response, 400);
		assertThat(response.body()).startsWith("body: ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bell\u0007ring", "nul\u0000byte", "escape\u001b[31m", "line\nbreak", "del\u007f" })
	void controlCharactersInTheTitleAreRefused(String title) {
		assertBadRequest(call("create_ticket", "queue", String.valueOf(queue), "title", title),
				"title: contains control characters");
	}

	@Test
	void aNulByteInTheBodyIsRefusedNotAServerError() {
		Response response = call("create_ticket", "queue", String.valueOf(queue), "title", "ok", "body", "a\u0000b");

		assertBadRequest(response, "body: contains control characters");
	}

	@Test
	void utf8TextRoundTrips() {
		String title = "Drucker brennt \u2013 \u00fc\u00e4\u00f6 \u65e5\u672c \ud83d\udd25";

		long id = openTicket("title", title, "body", "\u00c7a br\u00fble");

		assertThat(client.ticket(id).get("title").asString()).isEqualTo(title);
		assertThat(client.ticket(id).get("description").asString()).isEqualTo("\u00c7a br\u00fble");
	}

	@Test
	void sqlMetacharactersAreStoredVerbatim() {
		String title = "'; drop table ticket; -- \" \\ %_";

		long id = openTicket("title", title, "body", "1' OR '1'='1");
		assertOk(call("add_followup", "ticket", String.valueOf(id), "message", "'); delete from followup; --"));

		assertThat(client.ticket(id).get("title").asString()).isEqualTo(title);
		assertThat(client.ticket(id).get("description").asString()).isEqualTo("1' OR '1'='1");
		assertThat(followUps(id)).hasSize(2);
		assertThat(call("list_queues").status()).isEqualTo(200);
	}

	@Test
	void hostileLookupsAreAnsweredPlainly() {
		assertPlainText(call("find_user", "username", "' or '1'='1"), 404, "Invalid username provided");
		assertBadRequest(call("create_ticket", "queue", "' or 1=1 --", "title", "x"), "queue: no such queue");
		assertPlainText(call("hold_ticket", "ticket", "1 or 1=1"), 400, "ticket: a numeric ticket ID is required");
	}

	@Test
	void aHugeTicketIdThatFitsIsSimplyNotFound() {
		assertPlainText(call("hold_ticket", "ticket", "999999999999999999"), 404, "Invalid ticket ID");
	}

	@Test
	void aMalformedMultipartBodyIsABadRequest() {
		Response response = client.raw("/api/create_ticket/", "multipart/form-data; boundary=nope",
				"--other\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));

		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aHugeFieldValueIsRefusedPlainly() {
		Response response = call("create_ticket", "queue", String.valueOf(queue), "title", "big", "body",
				"x".repeat(200_000));

		assertBadRequest(response, "body: must be at most 100000 characters");
	}
}
