package org.helpdesk.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MailParser} over the hand-written corpus in {@code src/test/resources/eml/}: what a user of the helpdesk
 * would see of each message (the ticket title and text, the folded reply, the files, whether it may open a ticket).
 */
class MailParserTest {

	private final MailParser parser = new MailParser();

	static Stream<String> corpus() throws IOException, URISyntaxException {
		Path folder = Path.of(MailParserTest.class.getResource("/eml/").toURI());
		try (Stream<Path> files = Files.list(folder)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList().stream();
		}
	}

	private ParsedMail parse(String fixture) {
		return parser.parse(bytes(fixture));
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = MailParserTest.class.getResourceAsStream("/eml/" + fixture)) {
			return in.readAllBytes();
		}
		catch (IOException | NullPointerException e) {
			throw new IllegalStateException("no fixture " + fixture, e);
		}
	}

	private static MailPart file(ParsedMail mail, String name) {
		return mail.attachments().stream().filter(p -> p.fileName().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no file " + name + " in " + names(mail)));
	}

	private static List<String> names(ParsedMail mail) {
		return mail.attachments().stream().map(MailPart::fileName).toList();
	}

	@Nested
	class TheCorpus {

		@Test
		void hasAtLeastFortyMessagesWithCrlfLineEnds() throws Exception {
			assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
			corpus().forEach(name -> {
				String raw = new String(bytes(name), StandardCharsets.ISO_8859_1);
				assertThat(raw.replace("\r\n", "")).as(name + " has bare line feeds").doesNotContain("\n");
			});
		}

		@ParameterizedTest
		@MethodSource("org.helpdesk.inbox.MailParserTest#corpus")
		void everyMessageParsesToSomethingAUserCanRead(String fixture) {
			ParsedMail mail = parse(fixture);
			assertThat(mail.subject()).isNotNull().doesNotContainPattern("[\\p{Cntrl}]");
			assertThat(mail.text()).isNotNull().doesNotContain("\r", "\u0000", "\uFFFD");
			assertThat(mail.newText()).isNotNull();
			assertThat(mail.kind()).isNotNull();
			assertThat(mail.sizeBytes()).isEqualTo(bytes(fixture).length);
			assertThat(mail.attachments()).allSatisfy(part -> {
				assertThat(part.fileName()).isNotBlank().doesNotContain("/", "\\").doesNotContainPattern("[\\p{Cntrl}\\p{Cf}]");
				assertThat(part.contentType()).matches("[a-z0-9.+-]+/[a-z0-9.+-]+");
			});
		}
	}

	@Nested
	class Replies {

		@Test
		void plainReplyShowsOnlyTheNewTextAndKeepsTheQuoteInTheFullText() {
			ParsedMail mail = parse("plain-reply-quoted.eml");
			assertThat(mail.newText()).isEqualTo("Thanks, the new toner fixed it. You can close the ticket.\n\nAnna");
			assertThat(mail.text()).contains("> please try replacing the toner cartridge.");
			assertThat(mail.subject()).isEqualTo("Re: [support-12] Printer on floor 3 prints blank pages");
			assertThat(mail.fromAddress()).isEqualTo("anna.berg@example.org");
			assertThat(mail.fromName()).isEqualTo("Anna Berg");
			assertThat(mail.messageId()).isEqualTo("reply-1@mail.example.org");
			assertThat(mail.inReplyTo()).containsExactly("ticket-12-opened@helpdesk.example");
			assertThat(mail.answeredIds()).containsExactly("ticket-12-opened@helpdesk.example", "first-12@mail.example.org");
			assertThat(mail.kind()).isEqualTo(MailKind.PERSONAL);
		}

		@Test
		void outlookReplyFoldsTheFromSentToSubjectBlock() {
			ParsedMail mail = parse("outlook-reply.eml");
			assertThat(mail.newText()).isEqualTo("It still drops at 09:00 sharp. Logs attached to the earlier mail.\n\nTom Miller\nIT Operations");
			assertThat(mail.text()).contains("Hello Tom, does it still happen after the client update?");
			assertThat(mail.fromName()).isEqualTo("Miller, Tom");
			assertThat(mail.cc()).containsExactly("jane.doe@corp.example", "ops@corp.example");
		}

		@Test
		void outlookOriginalMessageMarkerFoldsInGermanToo() {
			assertThat(parse("outlook-original-message.eml").newText()).isEqualTo("Danke, das Passwort wurde zurückgesetzt.");
		}

		@Test
		void germanThunderbirdReplyLosesSignatureAndQuoteAndKeepsFlowedParagraphsWhole() {
			ParsedMail mail = parse("thunderbird-german-reply.eml");
			assertThat(mail.newText()).isEqualTo("Hallo,\n\nder Drucker im Büro druckt jetzt wieder, aber die Farben sind "
					+ "sehr blass. Können Sie bitte jemanden vorbeischicken?\n\nGrüße");
			assertThat(mail.text()).contains("Am 02.12.2026 um 17:05 schrieb Support:", "Musterfirma GmbH");
			assertThat(mail.subject()).isEqualTo("Re: [support-21] Drucker im Büro");
			assertThat(mail.fromName()).isEqualTo("Hans Müller");
		}

		@Test
		void gmailAttributionWrappedOverTwoLinesIsFolded() {
			ParsedMail mail = parse("gmail-alternative.eml");
			assertThat(mail.newText()).isEqualTo("Hi team,\n\nthe export to CSV fails with “Error 500” since this morning. "
					+ "Could you have a look?\n\nThanks,\nJürgen");
			assertThat(mail.subject()).isEqualTo("Re: [support-30] Export schlägt fehl");
			assertThat(mail.fromName()).isEqualTo("Jürgen Weiß");
			assertThat(mail.cc()).as("group syntax and upper case").containsExactly("karl@example.com");
			assertThat(mail.html()).contains("gmail_quote");
			assertThat(file(mail, MailParser.HTML_BODY_NAME).contentType()).isEqualTo("text/html");
		}

		@Test
		void htmlOnlyReplyFoldsItsBlockquote() {
			ParsedMail mail = parse("html-only-reply.eml");
			assertThat(mail.newText()).isEqualTo("The battery arrived, thank you!\n\nChen");
			assertThat(mail.text()).contains("> We shipped a replacement battery.");
		}

		@Test
		void aForwardedMessageInTheTextIsContentNotHistory() {
			assertThat(parse("forwarded-inline.eml").newText()).contains("FYI, see below.",
					"The server room reached 31 degrees tonight.");
		}

		@Test
		void whenFoldingWouldLeaveNothingTheWholeTextIsShown() {
			ParsedMail mail = parse("signature-only.eml");
			assertThat(mail.newText()).isEqualTo(mail.text()).contains("Sig Person");
		}
	}

	@Nested
	class BodiesAndFiles {

		@Test
		void htmlOnlyMailBecomesReadableTextAndTheHtmlIsKeptAsAFile() {
			ParsedMail mail = parse("html-only-newsletter.eml");
			assertThat(mail.text()).isEqualTo("""
					December news

					Our office is closed from 24 December to 1 January.

					New in this release:
					faster search
					dark mode

					- First item
					- Second item

					Read more (https://news.example.com/article/1)

					Questions? Write to help@news.example.com.""");
			assertThat(mail.text()).doesNotContain("color: red", "Newsletter");
			MailPart html = file(mail, MailParser.HTML_BODY_NAME);
			assertThat(html.contentType()).isEqualTo("text/html");
			assertThat(new String(html.content(), StandardCharsets.UTF_8)).contains("<h1>December news</h1>");
		}

		@Test
		void appleMailInlineImageKeepsItsContentId() {
			ParsedMail mail = parse("apple-mail-inline-image.eml");
			assertThat(mail.text()).isEqualTo("Hi,\n\nwhen I save a file I get the error in the screenshot below.\n\nLisa");
			MailPart image = file(mail, "screenshot.png");
			assertThat(image.contentType()).isEqualTo("image/png");
			assertThat(image.contentId()).isEqualTo("B7C8D9E0@mac.example");
			assertThat(image.content()).startsWith(0x89, 'P', 'N', 'G');
			assertThat(mail.html()).contains("cid:B7C8D9E0@mac.example");
		}

		@Test
		void nestedMixedAlternativeRelatedYieldsOneTextAndEveryFile() {
			ParsedMail mail = parse("nested-mixed-alternative-related.eml");
			assertThat(mail.text()).isEqualTo("Please review the attached contract draft; the logo is in the signature.");
			assertThat(names(mail)).containsExactly(MailParser.HTML_BODY_NAME, "part-6.png", "contract-draft.pdf", "part-8.ics");
			assertThat(file(mail, "part-6.png").contentId()).isEqualTo("logo@example.com");
			assertThat(file(mail, "contract-draft.pdf").contentType()).isEqualTo("application/pdf");
			assertThat(new String(file(mail, "contract-draft.pdf").content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
		}

		@Test
		void forwardedMessageIsKeptWholeAsAnEmlNamedAfterItsSubject() {
			ParsedMail mail = parse("forwarded-rfc822.eml");
			assertThat(mail.text()).isEqualTo("Please handle the customer's mail below.");
			MailPart forwarded = file(mail, "Invoice 4711 is wrong.eml");
			assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
			assertThat(new String(forwarded.content(), StandardCharsets.UTF_8)).contains("Message-ID: <orig-4711@client.example>",
					"The invoice lists 12 licences; we ordered 10.");
		}

		@Test
		void winmailDatIsKeptAsTnefWhateverItsDeclaredType() {
			ParsedMail mail = parse("winmail-dat.eml");
			assertThat(mail.text()).isEqualTo("The budget sheet is attached.");
			assertThat(file(mail, "winmail.dat").contentType()).isEqualTo("application/ms-tnef");
			assertThat(file(mail, "winmail.dat").content()).startsWith(0x78, 0x9f, 0x3e, 0x22);
			assertThat(file(mail, "part-4.bin").contentType()).isEqualTo("application/octet-stream");
		}

		@Test
		void rfc2231FileNamesWithUmlautsAndContinuationsAreDecoded() {
			ParsedMail mail = parse("rfc2231-filename-umlauts.eml");
			assertThat(names(mail)).containsExactly("Prüfbericht März.pdf", "Messwerte für Größe.txt");
			assertThat(mail.text()).isEqualTo("Anbei der Prüfbericht und die Messwerte.");
			assertThat(new String(file(mail, "Messwerte für Größe.txt").content(), StandardCharsets.UTF_8)).isEqualTo("Länge 12, Breite 7");
		}

		@Test
		void rfc2047FileNamesAreDecodedAndNamelessFilesAreNumbered() {
			assertThat(names(parse("rfc2047-filename.eml"))).containsExactly("Résumé 2026.pdf", "part-4.jpg");
			assertThat(names(parse("raw-utf8-headers.eml"))).containsExactly("Übersicht.txt");
		}

		@Test
		void fileNamesInUnknownCharsetsOrRawWindows1252AreStillReadable() {
			assertThat(names(parse("filename-odd-charsets.eml"))).containsExactly("Grüße.txt", "Kosten € Übersicht.csv");
		}

		@Test
		void aMessageWithOnlyAnAttachmentHasNoTextButKeepsTheFile() {
			ParsedMail mail = parse("attachment-only.eml");
			assertThat(mail.text()).isEmpty();
			assertThat(mail.newText()).isEmpty();
			assertThat(names(mail)).containsExactly("scan_0001.pdf");
		}

		@Test
		void emptyBodyNoSubjectAndNoMessageIdAreNoErrors() {
			assertThat(parse("empty-body.eml").text()).isEmpty();
			assertThat(parse("empty-body.eml").subject()).isEqualTo("Call me back");
			assertThat(parse("no-subject.eml").subject()).isEmpty();
			assertThat(parse("no-subject.eml").text()).isEqualTo("My badge does not open the door.");
			assertThat(parse("no-message-id.eml").messageId()).isNull();
			assertThat(parse("no-message-id.eml").text()).isEqualTo("A mail without a Message-ID header.");
		}

		@Test
		void brokenStructureAndEncodingsStillYieldTheText() {
			assertThat(parse("broken-base64.eml").text()).startsWith("The disk is full again.");
			assertThat(parse("missing-end-boundary.eml").text()).isEqualTo("The upload stopped halfway.");
			assertThat(parse("unknown-transfer-encoding.eml").text()).isEqualTo("Readable text despite the made-up transfer encoding.");
		}
	}

	@Nested
	class Charsets {

		@ParameterizedTest
		@ValueSource(strings = { "base64-body.eml:Über eine schnelle Lösung würde ich mich freuen.",
				"quoted-printable-latin1.eml:Une très longue ligne qui doit être coupée par l'encodage quoted-printable parce qu'elle dépasse soixante-seize caractères.",
				"iso-2022-jp.eml:プリンターが動きません。", "gb2312-labelled-gbk.eml:系统登录时显示错误。镕",
				"mislabelled-us-ascii-utf8.eml:Grüße aus Malmö – the invoice shows 12 € instead of 12 kr.",
				"mislabelled-latin1-cp1252.eml:The so-called “smart” quotes don’t survive – and the price is € 20, café included.",
				"unknown-charset-utf8.eml:Não consigo aceder à aplicação – ação necessária.",
				"unknown-charset-latin.eml:O pedido não foi recebido, obrigada.",
				"8bit-no-charset.eml:Accès refusé à l'intranet depuis la mise à jour.",
				"no-content-type-latin1.eml:Señor, el menú no funciona." })
		void textIsReadAsTheSenderWroteItWhateverTheLabelSays(String fixtureAndLine) {
			String[] parts = fixtureAndLine.split(":", 2);
			assertThat(parse(parts[0]).text()).contains(parts[1]);
		}

		@Test
		void encodedAndRawHeadersAreDecoded() {
			assertThat(parse("iso-2022-jp.eml").subject()).isEqualTo("プリンター故障");
			assertThat(parse("iso-2022-jp.eml").fromName()).isEqualTo("山田太郎");
			assertThat(parse("gb2312-labelled-gbk.eml").subject()).isEqualTo("登录错误");
			assertThat(parse("quoted-printable-latin1.eml").fromName()).isEqualTo("Françoise Dupré");
			assertThat(parse("base64-body.eml").fromName()).isEqualTo("Zoë Krämer");
			assertThat(parse("unknown-charset-latin.eml").subject()).isEqualTo("Pedido não recebido");
			assertThat(parse("raw-utf8-headers.eml").subject()).isEqualTo("Résumé of the problem: naïve café");
			assertThat(parse("raw-utf8-headers.eml").fromName()).isEqualTo("Zoë Ångström");
		}

		@Test
		void aLongFoldedSubjectIsOneLineEvenWhenACharacterIsSplitAcrossEncodedWords() {
			assertThat(parse("long-folded-subject.eml").subject()).isEqualTo("This is a very long subject line that a mail "
					+ "client folded across several lines because it was longer than seventy-eight characters and ends "
					+ "with Ärger – split words");
		}
	}

	@Nested
	class Kinds {

		@ParameterizedTest
		@ValueSource(strings = { "ooo-auto-submitted.eml", "ooo-x-autoreply.eml", "ooo-exchange.eml",
				"ooo-exchange-dr.eml", "ooo-x-autorespond.eml", "ooo-precedence-auto-reply.eml", "mdn-read-receipt.eml" })
		void outOfOfficeAndReceiptsAreAutoReplies(String fixture) {
			assertThat(parse(fixture).kind()).isEqualTo(MailKind.AUTO_REPLY);
		}

		@Test
		void autoSubmittedNoAndSuppressingOnlyOutOfOfficeIsPersonal() {
			assertThat(parse("auto-submitted-no.eml").kind()).isEqualTo(MailKind.PERSONAL);
		}

		@Test
		void dsnBounceNamesTheFailedRecipientsAndTheMessageItReturns() {
			ParsedMail mail = parse("bounce-dsn.eml");
			assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
			assertThat(mail.bouncedRecipients()).as("5.x.x only, Original-Recipient first")
				.containsExactly("nobody@customer.example", "gone@other.example");
			assertThat(mail.inReplyTo()).containsExactly("ticket-55-opened@helpdesk.example");
		}

		@Test
		void qmailBounceIsRecognisedFromItsSenderAndSubject() {
			ParsedMail mail = parse("bounce-qmail.eml");
			assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
			assertThat(mail.bouncedRecipients()).containsExactly("olduser@isp.example");
			assertThat(mail.inReplyTo()).containsExactly("ticket-56-update@helpdesk.example");
		}

		@Test
		void nullSenderWithDeliveryStatusIsABounce() {
			ParsedMail mail = parse("bounce-null-sender.eml");
			assertThat(mail.kind()).isEqualTo(MailKind.BOUNCE);
			assertThat(mail.bouncedRecipients()).containsExactly("left@company.example");
		}

		@ParameterizedTest
		@ValueSource(strings = { "mailing-list.eml", "bulk-precedence.eml", "html-only-newsletter.eml" })
		void listAndBulkMailIsList(String fixture) {
			assertThat(parse(fixture).kind()).isEqualTo(MailKind.LIST);
		}

		@Test
		void personalMailHasNoBouncedRecipients() {
			assertThat(parse("plain-reply-quoted.eml").bouncedRecipients()).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "priority-x-priority.eml", "priority-importance.eml", "priority-urgent.eml" })
		void mailMarkedUrgentHasPriorityTwo(String fixture) {
			assertThat(parse(fixture).priority()).isEqualTo(2);
		}

		@Test
		void otherMailHasNoPriority() {
			assertThat(parse("priority-low.eml").priority()).isNull();
			assertThat(parse("plain-reply-quoted.eml").priority()).isNull();
		}
	}

	@Nested
	class HostileAndMalformed {

		@Test
		void scriptsNeverReachTheTextAndControlCharactersNeverReachHeaders() {
			ParsedMail mail = parse("hostile-script.eml");
			assertThat(mail.text()).isEqualTo("Your account needs verification.\n\nVerify now");
			assertThat(mail.subject()).isEqualTo("Click here [31m now");
			assertThat(mail.fromName()).isEqualTo("Evil Sender");
			assertThat(mail.messageId()).isEqualTo("evil-1@attacker.example");
			assertThat(file(mail, MailParser.HTML_BODY_NAME).contentType()).isEqualTo("text/html");
		}

		@Test
		void fileNamesLosePathsBidiOverridesAndBlankness() {
			assertThat(names(parse("hostile-script.eml"))).containsExactly(MailParser.HTML_BODY_NAME, "evil.txt",
					"invoicegpj.exe", "part-5.bin");
		}

		@Test
		void malformedHeadersAndAMissingFromStillGiveTheBody() {
			ParsedMail mail = parse("malformed-headers.eml");
			assertThat(mail.fromAddress()).isNull();
			assertThat(mail.sentAt()).isNull();
			assertThat(mail.messageId()).isEqualTo("malformed-id-without-brackets@example.com");
			assertThat(mail.to()).containsExactly("someone@example.com", "ok@example.com");
			assertThat(mail.text()).isEqualTo("The body is still here.");
			assertThat(parse("missing-from.eml").fromAddress()).isNull();
			assertThat(parse("missing-from.eml").fromName()).isNull();
		}

		@Test
		void ofSeveralSendersTheFirstIsTheSender() {
			ParsedMail mail = parse("multiple-from.eml");
			assertThat(mail.fromAddress()).isEqualTo("first@example.com");
			assertThat(mail.fromName()).isEqualTo("First Author");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "hello world, no headers here\r\n", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR" })
		void bytesThatAreNoMessageAreUnreadable(String raw) {
			assertThatThrownBy(() -> parser.parse(raw.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(UnreadableMail.class)
				.hasMessageContaining(raw.isEmpty() ? "empty" : "No mail headers");
			assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(UnreadableMail.class);
		}
	}

	@Nested
	class Bounds {

		private static final String HEAD = "From: big@example.com\r\nTo: support@helpdesk.example\r\nSubject: Big\r\n"
				+ "MIME-Version: 1.0\r\n";

		@Test
		void thousandsOfPartsAreCutAtTheLimitAndTheTextSaysSo() {
			StringBuilder raw = new StringBuilder(HEAD + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
					+ "--b\r\nContent-Type: text/plain\r\n\r\nFirst words.\r\n");
			for (int i = 0; i < 3000; i++) {
				raw.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment\r\n\r\nx\r\n");
			}
			ParsedMail mail = parser.parse(raw.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			assertThat(mail.attachments()).hasSizeLessThan(MessageBody.MAX_PARTS);
			assertThat(mail.text()).startsWith("First words.").contains("more parts than the 500 that were read");
		}

		@Test
		void deepNestingIsCutAtTheLimit() {
			StringBuilder raw = new StringBuilder(HEAD + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
					+ "--b0\r\nContent-Type: text/plain\r\n\r\nTop words.\r\n");
			for (int i = 0; i < 2000; i++) {
				raw.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
			}
			ParsedMail mail = parser.parse(raw.toString().getBytes(StandardCharsets.US_ASCII));
			assertThat(mail.text()).startsWith("Top words.").contains("the rest was left out");
		}

		@Test
		void aHugeTextIsCutAndKeptWholeAsAFile() {
			String line = "All work and no play makes a long ticket.\r\n";
			String body = line.repeat(MailParser.LONGEST_TEXT / line.length() * 2);
			ParsedMail mail = parser.parse((HEAD + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body)
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(mail.text().length()).isLessThan(MailParser.LONGEST_TEXT + 200);
			assertThat(mail.text()).endsWith("all of it is attached as " + MailParser.TEXT_BODY_NAME + ".]");
			assertThat(file(mail, MailParser.TEXT_BODY_NAME).content()).hasSize(body.replace("\r\n", "\n").strip().length());
		}

		@Test
		void aLargeAttachmentIsKeptWhole() {
			byte[] data = new byte[4 * 1024 * 1024];
			new java.util.Random(7).nextBytes(data);
			String encoded = java.util.Base64.getMimeEncoder().encodeToString(data);
			String raw = HEAD + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
					+ "See the dump.\r\n--b\r\nContent-Type: application/octet-stream; name=\"dump.bin\"\r\n"
					+ "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--b--\r\n";
			ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));
			assertThat(mail.text()).isEqualTo("See the dump.");
			assertThat(file(mail, "dump.bin").content()).isEqualTo(data);
		}
	}
}
