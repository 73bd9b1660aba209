package org.helpdesk.core;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public base address of this helpdesk, without a trailing slash. When none is configured it is
 * {@code http://localhost:<port>} with the port the server really listens on.
 */
@Component
public class BaseUrl {

	private final String configured;

	private volatile String derived = "http://localhost:8080";

	BaseUrl(HelpdeskSettings settings) {
		String url = settings.baseUrl() == null ? "" : settings.baseUrl().trim();
		this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	@EventListener
	void on(WebServerInitializedEvent event) {
		derived = "http://localhost:" + event.getWebServer().getPort();
	}

	public String get() {
		return configured.isEmpty() ? derived : configured;
	}

	public String resolve(String path) {
		return get() + (path.startsWith("/") ? path : "/" + path);
	}
}
