package org.helpdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the pages without a browser: keeps cookies, signs in through the form, and sends the CSRF token of
 * the last page it read with every POST, as a browser would.
 */
public class BrowserlessSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:content|value)=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String csrf;

	public record Page(int status, String body, String location) {
	}

	public BrowserlessSession(String base) {
		this(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build(), null);
	}

	private BrowserlessSession(String base, HttpClient http, String csrf) {
		this.base = base;
		this.http = http;
		this.csrf = csrf;
	}

	/**
	 * The same browser (its cookies and the CSRF token of the last page it read) talking to another node of the
	 * helpdesk, as when a load balancer sends its next request elsewhere.
	 */
	public BrowserlessSession at(String otherBase) {
		return new BrowserlessSession(otherBase, http, csrf);
	}

	/** Signs in through the form; true when the helpdesk accepted the credentials. */
	public boolean signIn(String username, String password) {
		get("/login");
		Page result = post("/login", Map.of("username", username, "password", password));
		return result.status() == 302 && result.location() != null && !result.location().contains("/login");
	}

	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
		remember(page.body());
		return page;
	}

	/** Follows redirects of a GET, as a browser does after a POST. */
	public Page follow(Page page) {
		Page current = page;
		for (int i = 0; i < 5 && current.status() / 100 == 3 && current.location() != null; i++) {
			String location = current.location();
			current = get(location.startsWith("http") ? URI.create(location).getRawPath()
					+ (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
		}
		return current;
	}

	/** A form POST carrying the CSRF token of the last page read (unless the fields carry their own). */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		String body = all.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public String csrfToken() {
		return csrf;
	}

	private void remember(String body) {
		Matcher m = CSRF.matcher(body == null ? "" : body);
		if (m.find()) {
			csrf = m.group(1);
		}
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
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
}
