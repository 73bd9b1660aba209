package org.helpdesk.support;

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
 * A person using the pages without a browser: keeps cookies, signs in through the form, sends the CSRF token of the
 * last page it read with every POST and posts multipart forms with files, as a browser would.
 */
public class BrowserlessSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

	/** What a browser sends for a file input left empty: a part with no file name and no content. */
	private static final FilePart NO_FILE = new FilePart("attachments", "", "application/octet-stream", new byte[0]);

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	private String csrf;

	/** An answer: its status, its body as text, and its headers. */
	public record Page(int status, String body, Map<String, List<String>> headers) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		/** Where a redirect points, as the server wrote it. */
		public String location() {
			return header("Location");
		}

		/** The path a redirect points to, without address or query. */
		public String path() {
			String location = location();
			return location == null ? null : URI.create(location).getRawPath();
		}
	}

	public BrowserlessSession(String base) {
		this(base, new CookieManager(), null);
	}

	private BrowserlessSession(String base, CookieManager cookies, String csrf) {
		this.base = base;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		this.csrf = csrf;
	}

	/** A session signed in as this person, having read a page after signing in; fails the test when it cannot. */
	public static BrowserlessSession signedIn(String base, String username, String password) {
		BrowserlessSession session = new BrowserlessSession(base);
		if (!session.signIn(username, password)) {
			throw new AssertionError("Could not sign in as " + username);
		}
		session.get("/account/settings");
		return session;
	}

	/**
	 * The same browser (its cookies and the CSRF token of the last page it read) talking to another node of the
	 * helpdesk, as when a load balancer sends its next request elsewhere.
	 */
	public BrowserlessSession at(String otherBase) {
		return new BrowserlessSession(otherBase, cookies, csrf);
	}

	/** Signs in through the form; true when the helpdesk accepted the credentials. */
	public boolean signIn(String username, String password) {
		get("/login");
		Page result = post("/login", Map.of("username", username, "password", password));
		return result.status() == 302 && result.location() != null && !result.location().contains("/login");
	}

	public Page get(String path) {
		return get(path, "text/html");
	}

	/** A GET asking for the given media type, as a page's script (or Swagger UI) asks for JSON. */
	public Page get(String path, String accept) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
	}

	/** Follows redirects with GETs, as a browser does after a POST. */
	public Page follow(Page page) {
		Page current = page;
		for (int i = 0; i < 5 && current.status() / 100 == 3 && current.location() != null; i++) {
			URI location = URI.create(base).resolve(current.location());
			current = get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
		}
		return current;
	}

	/** A form POST carrying the CSRF token of the last page read (unless the fields carry their own). */
	public Page post(String path, Map<String, String> fields) {
		String body = withToken(fields).entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A multipart POST as a browser sends the forms with an {@code attachments} file input: with no file chosen it
	 * still sends an empty part for it.
	 */
	public Page multipart(String path, Map<String, String> fields, List<FilePart> files) {
		String boundary = "----browserless" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		withToken(fields).forEach((name, value) -> write(out, "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
		for (FilePart file : files.isEmpty() ? List.of(NO_FILE) : files) {
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

	/** The value of a cookie the helpdesk set, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue).findFirst().orElse(null);
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
			Matcher m = CSRF.matcher(response.body() == null ? "" : response.body());
			if (m.find()) {
				csrf = m.group(1);
			}
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
