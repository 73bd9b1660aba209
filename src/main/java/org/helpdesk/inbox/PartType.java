package org.helpdesk.inbox;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;

/**
 * What one MIME part says about itself, read leniently: a Content-Type or Content-Disposition that does not parse
 * still yields its type, charset and file name where they can be made out; a part without a type is
 * {@code text/plain}.
 *
 * @param base the type without parameters, lower case ({@code text/plain})
 * @param fileName the declared file name (RFC 2231 decoded; RFC 2047 words still encoded), or null
 * @param attachment whether the part is meant as a file (disposition attachment, or a file name)
 * @param contentId the Content-ID without brackets, or null
 */
record PartType(String base, String charset, String fileName, boolean attachment, String contentId, String format,
		String delsp, String reportType) {

	private static final Pattern BASE = Pattern.compile("^\\s*([\\w.+!#$&^-]+/[\\w.+!#$&^-]+)");

	private static final Pattern EXTENDED_CHARSET = Pattern.compile("(?i)\\bfilename\\*(?:0\\*)?=\\s*\"?([^'\";]*)'");

	private static final Pattern FILE_NAME = Pattern.compile("(?i)\\b(?:file)?name\\*?=\\s*\"?([^\";]+)");

	static PartType of(Part part) {
		String header = header(part, "Content-Type");
		ContentType type = parsed(header);
		String base = type != null ? type.getBaseType().toLowerCase(Locale.ROOT) : baseOf(header);
		String fileName = fileName(part);
		String disposition = header(part, "Content-Disposition");
		boolean attachment = fileName != null
				|| (disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment"));
		return new PartType(base, parameter(type, header, "charset"), fileName, attachment, contentId(part),
				parameter(type, header, "format"), parameter(type, header, "delsp"),
				parameter(type, header, "report-type"));
	}

	boolean is(String prefix) {
		return base.startsWith(prefix);
	}

	boolean isMessage() {
		return base.equals("message/rfc822") || base.equals("message/global");
	}

	boolean isTnef() {
		return base.equals("application/ms-tnef") || base.equals("application/vnd.ms-tnef")
				|| (fileName != null && fileName.strip().equalsIgnoreCase("winmail.dat"));
	}

	private static ContentType parsed(String header) {
		if (header == null) {
			return new ContentType("text", "plain", null);
		}
		try {
			return new ContentType(header);
		}
		catch (ParseException | RuntimeException malformed) {
			return null;
		}
	}

	private static String baseOf(String header) {
		Matcher base = BASE.matcher(header);
		return base.find() ? base.group(1).toLowerCase(Locale.ROOT) : "application/octet-stream";
	}

	private static String parameter(ContentType type, String header, String name) {
		if (type != null) {
			return type.getParameter(name);
		}
		Matcher value = Pattern.compile("(?i);\\s*" + name + "\\s*=\\s*\"?([^\";\\s]+)").matcher(header);
		return value.find() ? value.group(1) : null;
	}

	private static String fileName(Part part) {
		try {
			String name = part.getFileName();
			if (name != null) {
				return undecodedCharset(part) ? percentDecoded(name) : name;
			}
		}
		catch (MessagingException | RuntimeException malformed) {
			// read the name from the raw headers below
		}
		for (String header : new String[] { "Content-Disposition", "Content-Type" }) {
			String value = header(part, header);
			Matcher name = value == null ? null : FILE_NAME.matcher(value);
			if (name != null && name.find()) {
				return name.group(1);
			}
		}
		return null;
	}

	/** An RFC 2231 name in a charset Java does not know: Jakarta Mail leaves its %XX escapes as they are. */
	private static boolean undecodedCharset(Part part) {
		String disposition = header(part, "Content-Disposition");
		Matcher charset = disposition == null ? null : EXTENDED_CHARSET.matcher(disposition);
		return charset != null && charset.find() && TextDecoder.charsetOf(charset.group(1)) == null;
	}

	private static String percentDecoded(String name) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '%' && i + 2 < name.length() && Character.digit(name.charAt(i + 1), 16) >= 0
					&& Character.digit(name.charAt(i + 2), 16) >= 0) {
				bytes.write(Integer.parseInt(name.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return TextDecoder.decode(bytes.toByteArray(), null);
	}

	private static String contentId(Part part) {
		String id = header(part, "Content-ID");
		if (id == null || !(part instanceof MimePart)) {
			return null;
		}
		String clean = id.replaceAll("[\\p{Cntrl}\\s<>]", "");
		return clean.isEmpty() ? null : clean;
	}

	static String header(Part part, String name) {
		try {
			String[] values = part.getHeader(name);
			return values == null || values.length == 0 ? null : values[0];
		}
		catch (MessagingException | RuntimeException e) {
			return null;
		}
	}
}
