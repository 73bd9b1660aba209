package org.helpdesk.attachment;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content types that are safe to store and to send back: a sender may declare anything, and a response header
 * with a type that does not parse (or a wildcard) fails the download.
 */
public final class ContentTypes {

	private static final int MAX_LENGTH = 255;

	private ContentTypes() {
	}

	/**
	 * The type to send a stored file with: its own, unless a browser would treat it as a document or script of
	 * our origin (HTML, XHTML, SVG and other XML, JavaScript, CSS); those go out as {@code application/octet-stream}.
	 */
	public static MediaType forDownload(String stored) {
		MediaType type = safe(stored);
		String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
		boolean active = subtype.contains("html") || subtype.contains("xml") || subtype.contains("svg")
				|| subtype.contains("javascript") || subtype.contains("ecmascript") || subtype.equals("css")
				|| type.getType().equalsIgnoreCase("multipart");
		return active ? MediaType.APPLICATION_OCTET_STREAM : type;
	}

	/** The type as Spring reads it, or {@code application/octet-stream} when it is absent, unparseable or vague. */
	public static MediaType safe(String declared) {
		if (declared == null || declared.isBlank() || declared.length() > MAX_LENGTH) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
		try {
			MediaType type = MediaType.parseMediaType(declared);
			return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}
}
