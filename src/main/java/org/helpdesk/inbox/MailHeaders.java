package org.helpdesk.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The headers of one message, read leniently: an address list that does not parse still yields the addresses that
 * can be seen in it; Message-IDs lose their brackets; addresses are lower-cased.
 */
final class MailHeaders {

	/** Headers of which a message has at least one; bytes with none of them are no mail at all. */
	private static final Set<String> MAIL_HEADERS = Set.of("from", "sender", "to", "cc", "subject", "date",
			"message-id", "received", "return-path", "mime-version", "content-type", "delivered-to", "reply-to");

	private static final Pattern ADDRESS = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(?:\\.[\\w-]+)*", Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");

	private static final int MOST_IDS = 100;

	/** An address header that does not parse is searched for addresses up to this length (the search is not linear). */
	private static final int LONGEST_LINE = 4096;

	private final MimeMessage message;

	MailHeaders(MimeMessage message) {
		this.message = message;
	}

	/** The first value of the header as it came (one char per byte), or null. */
	String raw(String name) {
		return PartType.header(message, name);
	}

	/** The first value of the header, decoded, on one line; "" when absent. */
	String text(String name) {
		return HeaderText.decode(raw(name));
	}

	boolean has(String name) {
		return !text(name).isEmpty();
	}

	boolean looksLikeMail() {
		try {
			var headers = message.getAllHeaders();
			while (headers.hasMoreElements()) {
				if (MAIL_HEADERS.contains(headers.nextElement().getName().strip().toLowerCase(Locale.ROOT))) {
					return true;
				}
			}
		}
		catch (MessagingException | RuntimeException e) {
			return false;
		}
		return false;
	}

	/** Every address in the header (all its occurrences), lower-cased, without duplicates. */
	List<String> addresses(String name) {
		Set<String> result = new LinkedHashSet<>();
		for (InternetAddress address : parsed(name)) {
			result.add(address.getAddress());
		}
		return List.copyOf(result);
	}

	/** The first From address with its decoded display name (null when there is none). */
	InternetAddress from() {
		List<InternetAddress> from = parsed("From");
		return from.isEmpty() ? null : from.get(0);
	}

	String messageId() {
		List<String> ids = ids(raw("Message-ID"));
		return ids.isEmpty() ? null : ids.get(0);
	}

	Instant sentAt() {
		try {
			return message.getSentDate() == null ? null : message.getSentDate().toInstant();
		}
		catch (MessagingException | RuntimeException malformed) {
			return null;
		}
	}

	private List<InternetAddress> parsed(String name) {
		List<InternetAddress> result = new ArrayList<>();
		String[] values;
		try {
			values = message.getHeader(name);
		}
		catch (MessagingException e) {
			values = null;
		}
		for (String value : values == null ? new String[0] : values) {
			String line = TextDecoder.rereadHeader(value).replaceAll("[\\p{Cntrl}]+", " ");
			try {
				for (InternetAddress address : InternetAddress.parseHeader(line, false)) {
					addParsed(result, address);
				}
			}
			catch (AddressException | RuntimeException malformed) {
				Matcher found = ADDRESS.matcher(line.length() > LONGEST_LINE ? line.substring(0, LONGEST_LINE) : line);
				while (found.find()) {
					result.add(address(found.group(), null));
				}
			}
		}
		return result;
	}

	private static void addParsed(List<InternetAddress> result, InternetAddress address) throws AddressException {
		if (address.isGroup()) {
			for (InternetAddress member : address.getGroup(false)) {
				addParsed(result, member);
			}
		}
		else if (address.getAddress() != null && ADDRESS.matcher(address.getAddress().strip()).matches()) {
			result.add(address(address.getAddress(), address.getPersonal()));
		}
	}

	private static InternetAddress address(String address, String personal) {
		InternetAddress result = new InternetAddress();
		result.setAddress(address.strip().toLowerCase(Locale.ROOT));
		String name = personal == null ? "" : HeaderText.decodeText(personal);
		try {
			result.setPersonal(name.isEmpty() ? null : name, "UTF-8");
		}
		catch (java.io.UnsupportedEncodingException impossible) {
			throw new IllegalStateException(impossible);
		}
		return result;
	}

	/** The Message-IDs in a header value, without brackets; at most the first and the 99 newest. */
	static List<String> ids(String value) {
		if (value == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		Matcher bracketed = BRACKETED.matcher(value);
		while (bracketed.find()) {
			ids.add(bracketed.group(1).replaceAll("[\\p{Cntrl}\\s]", ""));
		}
		if (ids.isEmpty()) {
			for (String token : value.split("[\\s,]+")) {
				if (token.contains("@")) {
					ids.add(token.replaceAll("\\p{Cntrl}", ""));
				}
			}
		}
		ids.removeIf(String::isEmpty);
		if (ids.size() > MOST_IDS) {
			List<String> kept = new ArrayList<>(ids.subList(ids.size() - MOST_IDS + 1, ids.size()));
			kept.add(0, ids.get(0));
			return kept;
		}
		return ids;
	}
}
