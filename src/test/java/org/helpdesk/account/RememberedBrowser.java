package org.helpdesk.account;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.helpdesk.support.BrowserlessSession.Page;

/**
 * A browser that holds nothing but a remember-me cookie (say, the next morning, or a copy of the cookie), and keeps
 * whatever cookies the helpdesk sets from then on.
 */
class RememberedBrowser {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	RememberedBrowser(String base, String rememberMe) {
		this.base = base;
		HttpCookie cookie = new HttpCookie("remember-me", rememberMe);
		cookie.setPath("/");
		cookie.setVersion(0);
		cookies.getCookieStore().add(URI.create(base), cookie);
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	Page get(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

	/** The remember-me cookie as the helpdesk last set it. */
	String rememberMe() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("remember-me"))
			.map(HttpCookie::getValue).findFirst().orElseThrow();
	}
}
