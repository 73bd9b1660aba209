package org.helpdesk.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;

/**
 * The bodies and files of a message, read from its MIME tree within bounds: at most {@value #MAX_PARTS} parts and
 * {@value #MAX_DEPTH} levels of nesting are read (the rest is left out and {@link #truncated} says so), so a message
 * of thousands of parts costs no more than one of {@value #MAX_PARTS}.
 * <p>
 * Inline {@code text/plain} and {@code text/html} parts are the bodies (of a {@code multipart/alternative}, one of
 * each); every other part is a file: attachments, inline images (with their Content-ID), forwarded messages kept
 * whole, TNEF {@code winmail.dat}. A multipart that does not parse is read as text rather than lost.
 */
final class MessageBody {

	static final int MAX_PARTS = 500;

	static final int MAX_DEPTH = 20;

	List<String> plain = new ArrayList<>();

	List<String> html = new ArrayList<>();

	final List<MailPart> files = new ArrayList<>();

	/** The contents of {@code message/delivery-status} parts (a DSN's per-recipient reports). */
	final List<byte[]> deliveryStatus = new ArrayList<>();

	/** Message-IDs of the message a report returns (from its {@code message/rfc822} or headers part). */
	final List<String> returnedMessageIds = new ArrayList<>();

	boolean truncated;

	private int parts;

	static MessageBody of(MimeMessage message) {
		MessageBody body = new MessageBody();
		body.walk(message, 0, false);
		return body;
	}

	private void walk(Part part, int depth, boolean inReport) {
		if (parts >= MAX_PARTS || depth > MAX_DEPTH) {
			truncated = true;
			return;
		}
		parts++;
		PartType type = PartType.of(part);
		if (type.is("multipart/")) {
			multipart(part, type, depth);
		}
		else if (type.base().equals("text/plain") && (depth == 0 || !type.attachment())) {
			plain.add(PlainText.of(TextDecoder.decode(bytesOf(part), type.charset()), type));
		}
		else if (type.base().equals("text/html") && (depth == 0 || !type.attachment())) {
			html.add(TextDecoder.decode(bytesOf(part), type.charset()));
		}
		else {
			file(part, type, inReport);
		}
	}

	private void multipart(Part part, PartType type, int depth) {
		Multipart multipart;
		int count;
		try {
			multipart = part.getContent() instanceof Multipart m ? m : null;
			count = multipart == null ? 0 : multipart.getCount();
		}
		catch (IOException | MessagingException | RuntimeException malformed) {
			multipart = null;
			count = 0;
		}
		if (multipart == null) {
			plain.add(PlainText.of(TextDecoder.decode(bytesOf(part), type.charset()), type));
		}
		else if (type.base().equals("multipart/alternative")) {
			alternatives(multipart, count, depth);
		}
		else {
			for (int i = 0; i < count && !truncated; i++) {
				child(multipart, i, depth, type.base().equals("multipart/report"));
			}
		}
	}

	/** The same content in several forms: the first plain and the first HTML form are the bodies. */
	private void alternatives(Multipart multipart, int count, int depth) {
		List<String> outerPlain = plain;
		List<String> outerHtml = html;
		String chosenPlain = null;
		String chosenHtml = null;
		for (int i = 0; i < count && !truncated; i++) {
			plain = new ArrayList<>();
			html = new ArrayList<>();
			child(multipart, i, depth, false);
			if (chosenPlain == null && !String.join("", plain).isBlank()) {
				chosenPlain = String.join("\n\n", plain);
			}
			if (chosenHtml == null && !html.isEmpty()) {
				chosenHtml = String.join("\n", html);
			}
		}
		plain = outerPlain;
		html = outerHtml;
		if (chosenPlain != null) {
			plain.add(chosenPlain);
		}
		if (chosenHtml != null) {
			html.add(chosenHtml);
		}
	}

	private void child(Multipart multipart, int index, int depth, boolean inReport) {
		try {
			walk(multipart.getBodyPart(index), depth + 1, inReport);
		}
		catch (MessagingException | RuntimeException unreadablePart) {
			// one broken part does not cost the others
		}
	}

	private void file(Part part, PartType type, boolean inReport) {
		byte[] content = bytesOf(part);
		String contentType = type.isTnef() ? "application/ms-tnef" : type.base();
		String name = type.fileName();
		if (type.base().equals("message/delivery-status")) {
			deliveryStatus.add(content);
		}
		if (type.isMessage() || type.base().equals("text/rfc822-headers")) {
			InternetHeaders headers = headersOf(content);
			if (inReport && headers.getHeader("Message-ID", null) != null) {
				returnedMessageIds.addAll(MailHeaders.ids(headers.getHeader("Message-ID", null)));
			}
			if (type.isMessage() && name == null) {
				name = HeaderText.decode(headers.getHeader("Subject", null));
			}
		}
		if (type.isTnef() && (name == null || name.isBlank())) {
			name = "winmail.dat";
		}
		name = AttachmentNames.sanitise(name, parts, contentType);
		if (type.isMessage() && !name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
			name = name + ".eml";
		}
		files.add(new MailPart(name, contentType, content, type.contentId()));
	}

	private static InternetHeaders headersOf(byte[] content) {
		try {
			return new InternetHeaders(new ByteArrayInputStream(content));
		}
		catch (MessagingException | RuntimeException e) {
			return new InternetHeaders();
		}
	}

	/** The decoded content of a part; broken base64 or an unknown transfer encoding still yields what is there. */
	static byte[] bytesOf(Part part) {
		try (InputStream in = part.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException | MessagingException | RuntimeException e) {
			return rawBytesOf(part);
		}
	}

	private static byte[] rawBytesOf(Part part) {
		try (InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
				: part instanceof MimeMessage message ? message.getRawInputStream() : InputStream.nullInputStream()) {
			byte[] bytes = raw.readAllBytes();
			String encoding = part instanceof MimePart mime ? mime.getEncoding() : null;
			return "base64".equalsIgnoreCase(encoding) ? lenientBase64(bytes) : bytes;
		}
		catch (IOException | MessagingException | RuntimeException e) {
			return new byte[0];
		}
	}

	private static byte[] lenientBase64(byte[] bytes) {
		String clean = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^A-Za-z0-9+/]", "");
		clean = clean.substring(0, clean.length() - clean.length() % 4);
		return Base64.getDecoder().decode(clean);
	}
}
