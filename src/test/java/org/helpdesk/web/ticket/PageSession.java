package org.helpdesk.web.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in person using the ticket pages without a browser, like {@code BrowserlessSession}, but with response
 * headers and multipart forms (the reply and new-ticket forms upload files).
 */
class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

	record Response(int status, String body, HttpResponse<byte[]> raw) {

		String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		String location() {
			String location = header("Location");
			return location == null ? null : URI.create(location).getRawPath();
		}
	}

	record File(String field, String filename, String contentType, byte[] content) {
	}

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private String csrf;

	PageSession(String base) {
		this.base = base;
	}

	static PageSession signedIn(String base, String username, String password) {
		PageSession session = new PageSession(base);
		session.get("/login");
		Response result = session.post("/login", Map.of("username", username, "password", password));
		if (result.status() != 302 || result.location() == null || result.location().contains("/login")) {
			throw new AssertionError("Could not sign in as " + username);
		}
		session.get("/account/settings");
		return session;
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
	}

	/** A form POST carrying the CSRF token of the last page read. */
	Response post(String path, Map<String, String> fields) {
		Map<String, String> all = withToken(fields);
		String body = all.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Response multipart(String path, Map<String, String> fields, List<File> files) {
		String boundary = "----page" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		withToken(fields).forEach((name, value) -> write(out, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
		for (File file : files) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
					+ file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			out.writeBytes(file.content());
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
	}

	private Map<String, String> withToken(Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		return all;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			String body = new String(response.body(), StandardCharsets.UTF_8);
			Matcher m = CSRF.matcher(body);
			if (m.find()) {
				csrf = m.group(1);
			}
			return new Response(response.statusCode(), body, response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
