package org.helpdesk.legacyapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.HelpdeskClient.FilePart;
import org.helpdesk.support.HelpdeskClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input that once got through, broke something or was answered with the wrong reason: every answer is a
 * 4xx naming the field and the real problem, and nothing is written.
 */
abstract class LegacyHostileInputTests extends LegacyApiSupport {

	private static final String HUGE = "u".repeat(2 * 1024 * 1024);

	@Test
	void aHugeUsernameIsRefusedNamingTheField() {
		Response response = client.legacy("list_queues", withCredentials(HUGE, PASSWORD));

		assertBadRequest(response, "user: too long (at most 150 characters)");
	}

	@Test
	void aHugePasswordOrAHugeBasicUsernameIsRefusedNamingTheField() {
		assertBadRequest(client.legacy("list_queues", withCredentials(agent, HUGE)),
				"password: too long (at most 1024 characters)");
		assertBadRequest(client.legacyWithAuthorization("list_queues", Map.of(),
				org.helpdesk.support.HelpdeskClient.basic("u".repeat(200), PASSWORD)),
				"user: too long (at most 150 characters)");
	}

	@Test
	void aUsernameWithANulByteIsRefusedNamingTheField() {
		assertBadRequest(client.legacy("list_queues", withCredentials(agent + "\u0000", PASSWORD)),
				"user: contains control characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "delete_ticket", "hold_ticket" })
	void aNulAfterTheTicketNumberIsNoTicketNumberAndChangesNothing(String method) {
		long id = openTicket();

		Response response = call(method, "ticket", id + "\u0000", "confirm", "yes");

		assertBadRequest(response, "ticket: a numeric ticket ID is required");
		assertThat(client.ticket(id).get("on_hold").asBoolean()).isFalse();
	}

	@Test
	void aNulAfterTheQueueSlugIsRefusedAndOpensNothing() {
		String title = unique("Nul slug ");

		Response response = call("create_ticket", "queue", slug + "\u0000", "title", title);

		assertBadRequest(response, "queue: contains control characters");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@Test
	void aNulInAPriorityIsRefused() {
		assertBadRequest(call("create_ticket", "queue", String.valueOf(queue), "title", "x", "priority", "2\u0000"),
				"priority: must be an integer from 1 (critical) to 5 (very low)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postmaster(x)@example.com", "root('a')'@example.com", "x)y@example.com",
			"a\u0000@x.com", "a@x.com\u0000" })
	void addressesTheMailerWouldReadDifferentlyAreRefused(String address) {
		String title = unique("Hostile address ");

		Response response = call("create_ticket", "queue", String.valueOf(queue), "title", title, "submitter_email",
				address);

		assertBadRequest(response, "submitter_email: is not a valid e-mail address");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bob\\ud800@example.com", "bob\\udc00@example.com", "postmaster(x)@example.com" })
	void aCcWithALoneSurrogateOrACommentIsRefused(String jsonAddress) {
		long id = openTicket();

		Response response = client.request("POST", "/api/v1/tickets/" + id + "/ccs", agent, PASSWORD,
				"{\"email\": \"" + jsonAddress + "\"}");

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("email");
		assertThat(count("select count(*) from ticket_cc where ticket_id = ?", id)).isZero();
	}

	@Test
	void tooManyFieldsAreNamedAsSuch() {
		StringBuilder body = new StringBuilder("user=" + agent + "&password=" + PASSWORD);
		for (int i = 0; i < 20_000; i++) {
			body.append("&f").append(i).append("=1");
		}

		Response response = form(body.toString());

		assertPlainText(response, 400, "body: too many fields");
	}

	@Test
	void aBodyThatIsNotFormSyntaxSaysSo() {
		Response response = form("&&&&====");

		assertCleanError(response, 400);
		assertThat(response.body()).startsWith("body: is not form syntax").doesNotContain("UTF-8");
	}

	@Test
	void aJsonBodyIsRefusedAsTheWrongMediaType() {
		Response response = client.raw("/api/list_queues/", "application/json",
				("{\"user\":\"" + agent + "\",\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));

		assertCleanError(response, 415);
		assertThat(response.body()).contains("application/x-www-form-urlencoded").contains("multipart/form-data");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x.html.", "x.html. . ", "x.HTML.." })
	void anHtmlFileWithTrailingDotsOrSpacesIsRefused(String filename) {
		String title = unique("Trailing dot ");

		Response response = upload(title, filename, "text/html");

		assertBadRequest(response, "attachment: Unsupported file extension: .html");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@Test
	void aFileNameOver255CharactersIsRefusedNamingTheField() {
		String title = unique("Long name ");

		Response response = upload(title, "n".repeat(896) + ".txt", "text/plain");

		assertBadRequest(response, "attachment: file name is longer than 255 characters");
		assertThat(count("select count(*) from ticket where title = ?", title)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a type", "text/", "*/*", "text/plain; charset=no-such-charset" })
	void anUnparseableContentTypeIsStoredAsBytesAndDownloads(String contentType) {
		Response created = upload(unique("Odd type "), "notes", contentType);
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = Long.parseLong(created.body());
		long attachment = followUps(id).get(0).get("attachments").get(0).get("id").asLong();

		var download = client.download("/api/v1/tickets/" + id + "/attachments/" + attachment, agent, PASSWORD);

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
		assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("some notes");
	}

	private Response upload(String title, String filename, String contentType) {
		return client.multipart("/api/create_ticket/", as("queue", String.valueOf(queue), "title", title),
				List.of(new FilePart("attachment", filename, contentType, "some notes".getBytes(StandardCharsets.UTF_8))));
	}

	private Response form(String body) {
		return client.raw("/api/list_queues/", "application/x-www-form-urlencoded",
				body.getBytes(StandardCharsets.US_ASCII));
	}
}
