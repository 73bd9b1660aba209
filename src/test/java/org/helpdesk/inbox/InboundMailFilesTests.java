package org.helpdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.helpdesk.support.BrowserlessSession;
import org.helpdesk.support.BrowserlessSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The files a mail brings, pushed over HTTP as an MTA delivers it: kept whatever their extension (the original HTML,
 * TNEF {@code winmail.dat}, forwarded messages, unnamed parts), refused only by size, handed out as downloads on
 * every channel, and the original HTML shown only sanitised. The file limit is small so that a mail can exceed it.
 */
@TestPropertySource(properties = "helpdesk.attachments.max-size=20KB")
abstract class InboundMailFilesTests extends InboundMailSupport {

	@Test
	void anHtmlOnlyMailBecomesPlainTextAndItsHostileOriginalIsADownloadEverywhereAndShownOnlySanitised() {
		String sender = unique("evil") + "@attacker.example";
		JsonNode answer = pushRaw(fixture("hostile-script.eml", sender));
		long ticketId = answer.get("ticket_id").asLong();
		JsonNode ticket = client.ticket(ticketId);
		JsonNode opening = ticket.get("followups").get(0);

		// the ticket text is readable plain text, not markup
		assertThat(opening.get("comment").asString()).isEqualTo("Your account needs verification.\n\nVerify now");
		// every file came through, whatever its extension; nothing was left out
		assertThat(names(opening)).contains("email_html_body.html", "evil.txt", "invoicegpj.exe");
		assertThat(opening.get("changes").valueStream().map(c -> c.get("field").asString()))
			.doesNotContain("Attachment not kept");
		long html = attachmentId(opening, "email_html_body.html");

		// the JSON API, the staff page and the customer portal all hand the HTML out as a download only
		HttpResponse<byte[]> api = client.download("/api/v1/tickets/" + ticketId + "/attachments/" + html, ADMIN,
				ADMIN_PASSWORD);
		assertDownload(api.statusCode(), api.headers().firstValue("Content-Type").orElse(null),
				api.headers().firstValue("Content-Disposition").orElse(null),
				api.headers().firstValue("X-Content-Type-Options").orElse(null),
				api.headers().firstValue("Content-Security-Policy").orElse(null),
				new String(api.body(), StandardCharsets.UTF_8));
		BrowserlessSession staff = BrowserlessSession.signedIn(client.base(), ADMIN, ADMIN_PASSWORD);
		assertDownload(staff.get("/tickets/" + ticketId + "/attachments/" + html));
		String portal = portalQuery(ticketId, ticket.get("ref").asString(), sender);
		BrowserlessSession customer = new BrowserlessSession(client.base());
		assertDownload(customer.get("/view/attachment/" + html + "?" + portal));

		// the staff page offers the original, shown through the sanitiser: the words stay, the script goes
		String originalLink = "/tickets/" + ticketId + "/attachments/" + html + "/original";
		assertThat(staff.get("/tickets/" + ticketId).body()).contains("href=\"" + originalLink + "\"")
			.contains("Show the original (HTML)");
		assertSanitised(staff.get(originalLink));
		// so does the portal, as the mail's follow-up is public
		assertThat(customer.get("/view/?" + portal).body()).contains("/view/original/" + html);
		assertSanitised(customer.get("/view/original/" + html + "?" + portal));
		// other files are no "original", and a wrong key shows nothing
		long text = attachmentId(opening, "evil.txt");
		assertThat(staff.get("/tickets/" + ticketId + "/attachments/" + text + "/original").status()).isEqualTo(404);
		assertThat(customer.get("/view/original/" + html + "?" + portal.replaceAll("key=[^&]+", "key=wrong"))
			.status()).isEqualTo(404);
	}

	@Test
	void aTnefWinmailDatAndAForwardedMessageAreBothKept() {
		String sender = unique("greta") + "@corp.example";
		String tnef = "eJ8+IgEGkAgABAAAAAAAAQABAAEHkAYACAAAAOQEAAAAAAAA6AA=";
		TestMessage message = TestMessage.from(sender, queueAddress, "Fwd: Invoice 4711 is wrong")
			.header("Content-Type", "multipart/mixed; boundary=\"b\"")
			.body("""
					--b
					Content-Type: text/plain; charset=utf-8

					Please handle the customer's mail below; the budget sheet is attached.

					--b
					Content-Type: application/ms-tnef; name="winmail.dat"
					Content-Disposition: attachment; filename="winmail.dat"
					Content-Transfer-Encoding: base64

					%s
					--b
					Content-Type: message/rfc822
					Content-Disposition: attachment

					From: Customer <customer@client.example>
					To: %s
					Subject: Invoice 4711 is wrong
					Message-ID: <orig-%s@client.example>

					The invoice lists 12 licences; we ordered 10.

					--b
					Content-Type: application/octet-stream

					unnamed bytes
					--b--
					""".formatted(tnef, sender, UUID.randomUUID()));
		long ticketId = pushOk(slug, message).get("ticket_id").asLong();

		JsonNode opening = client.ticket(ticketId).get("followups").get(0);
		assertThat(names(opening)).contains("winmail.dat", "Invoice 4711 is wrong.eml")
			.anyMatch(name -> name.matches("part-\\d+\\.bin"));
		assertThat(mimeType(opening, "winmail.dat")).isEqualTo("application/ms-tnef");
		HttpResponse<byte[]> dat = client.download(
				"/api/v1/tickets/" + ticketId + "/attachments/" + attachmentId(opening, "winmail.dat"), ADMIN,
				ADMIN_PASSWORD);
		assertThat(dat.body()).isEqualTo(Base64.getDecoder().decode(tnef));
		HttpResponse<byte[]> eml = client.download("/api/v1/tickets/" + ticketId + "/attachments/"
				+ attachmentId(opening, "Invoice 4711 is wrong.eml"), ADMIN, ADMIN_PASSWORD);
		assertThat(eml.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(new String(eml.body(), StandardCharsets.UTF_8)).contains("The invoice lists 12 licences");
	}

	@Test
	void aFileOverTheSizeLimitIsStillRefusedAndNotedWhileTheOthersAreKept() {
		String sender = unique("olga") + "@customer.example.test";
		String big = Base64.getMimeEncoder().encodeToString(new byte[30 * 1024]);
		TestMessage message = TestMessage.from(sender, queueAddress, "Disk image")
			.header("Content-Type", "multipart/mixed; boundary=\"b\"")
			.body("""
					--b
					Content-Type: text/plain; charset=utf-8

					Image and log attached.

					--b
					Content-Type: application/octet-stream; name="disk.img"
					Content-Disposition: attachment; filename="disk.img"
					Content-Transfer-Encoding: base64

					%s
					--b
					Content-Type: text/plain; name="small.log"
					Content-Disposition: attachment; filename="small.log"

					all fine
					--b--
					""".formatted(big));
		JsonNode answer = pushOk(slug, message);

		assertThat(answer.get("reason").asString()).contains("attachment not kept: disk.img");
		JsonNode opening = client.ticket(answer.get("ticket_id").asLong()).get("followups").get(0);
		assertThat(names(opening)).contains("small.log").doesNotContain("disk.img");
		JsonNode note = opening.get("changes").valueStream()
			.filter(c -> c.get("field").asString().equals("Attachment not kept")).findFirst().orElseThrow();
		assertThat(note.get("old_value").asString()).isEqualTo("disk.img");
		assertThat(note.get("new_value").asString()).contains("larger than");
	}

	/** A fixture from {@code src/test/resources/eml}, sent by {@code sender} to this test's queue, with a new Message-ID. */
	private byte[] fixture(String name, String sender) {
		try (InputStream in = getClass().getResourceAsStream("/eml/" + name)) {
			String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replaceFirst("(?m)^From: .*$", "From: <" + sender + ">")
				.replaceFirst("(?m)^To: .*$", "To: " + queueAddress)
				.replaceFirst("(?m)^Message-ID: .*$", "Message-ID: <" + UUID.randomUUID() + "@client.example.test>");
			return raw.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode pushRaw(byte[] message) {
		var response = post("/api/v1/mail/inbound?queue=" + slug, "message/rfc822", message, ADMIN, ADMIN_PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private String portalQuery(long ticketId, String ref, String email) {
		String key = jdbc.sql("select secret_key from ticket where id = ?").param(ticketId).query(String.class).single();
		return "ticket=" + ref + "&email=" + email.replace("@", "%40") + "&key=" + key;
	}

	private static void assertDownload(Page page) {
		assertDownload(page.status(), page.header("Content-Type"), page.header("Content-Disposition"),
				page.header("X-Content-Type-Options"), page.header("Content-Security-Policy"), page.body());
	}

	private static void assertDownload(int status, String type, String disposition, String nosniff, String policy,
			String body) {
		assertThat(status).isEqualTo(200);
		assertThat(disposition).startsWith("attachment").contains("email_html_body.html");
		assertThat(nosniff).isEqualTo("nosniff");
		assertThat(type).startsWith("application/octet-stream");
		assertThat(policy).contains("sandbox");
		// the file is the mail's HTML as sent, script included: kept whole, made harmless by how it is served
		assertThat(body).contains("<script>");
	}

	private static void assertSanitised(Page page) {
		assertThat(page.status()).isEqualTo(200);
		String html = page.body();
		String shown = html.substring(html.indexOf("id=\"original-html\""));
		shown = shown.substring(0, shown.indexOf("</section>"));
		assertThat(shown).contains("Your account needs <b>verification</b>").contains("Verify now");
		assertThat(html).doesNotContain("alert(").doesNotContain("document.cookie").doesNotContain("steal()")
			.doesNotContain("javascript:");
		assertThat(shown).doesNotContain("<script").doesNotContain("onerror=").doesNotContain("onload=")
			.doesNotContain("<iframe").doesNotContain("<style").doesNotContain("<img").doesNotContain("<form");
	}

	private static List<String> names(JsonNode followUp) {
		List<String> names = new ArrayList<>();
		followUp.get("attachments").forEach(a -> names.add(a.get("filename").asString()));
		return names;
	}

	private static long attachmentId(JsonNode followUp, String name) {
		return followUp.get("attachments").valueStream().filter(a -> a.get("filename").asString().equals(name))
			.findFirst().orElseThrow().get("id").asLong();
	}

	private static String mimeType(JsonNode followUp, String name) {
		return followUp.get("attachments").valueStream().filter(a -> a.get("filename").asString().equals(name))
			.findFirst().orElseThrow().get("mime_type").asString();
	}
}
