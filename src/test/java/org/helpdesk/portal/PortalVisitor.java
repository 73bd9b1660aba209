package org.helpdesk.portal;

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

import org.helpdesk.support.HelpdeskClient.FilePart;

/**
 * A visitor of the portal without a browser: keeps cookies, sends the CSRF token of the last page read, posts the
 * multipart forms the portal uses, and can sign in.
 */
class PortalVisitor {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private String csrf;

	record Page(int status, String body, Map<String, List<String>> headers) {

		String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		String location() {
			return header("Location");
		}
	}

	PortalVisitor(String base) {
		this.base = base;
	}

	Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
		Matcher m = CSRF.matcher(page.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		return page;
	}

	/** Follows redirects with GETs, as a browser does after a POST. */
	Page follow(Page page) {
		Page current = page;
		for (int i = 0; i < 5 && current.status() / 100 == 3; i++) {
			URI location = URI.create(base).resolve(current.location());
			current = get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
		}
		return current;
	}

	Page post(String path, Map<String, String> fields) {
		String body = withToken(fields).entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A multipart POST as a browser sends the portal's forms, with an empty file part when no file is chosen. */
	Page postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
		String boundary = "----portal" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		withToken(fields).forEach((name, value) -> write(out, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
		List<FilePart> parts = files.isEmpty()
				? List.of(new FilePart("attachments", "", "application/octet-stream", new byte[0])) : files;
		for (FilePart file : parts) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			out.writeBytes(file.content());
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
	}

	boolean signIn(String username, String password) {
		get("/login");
		Page result = post("/login", Map.of("username", username, "password", password));
		return result.status() == 302 && !result.location().contains("/login");
	}

	private Map<String, String> withToken(Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		return all;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(), response.headers().map());
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
