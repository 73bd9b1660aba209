package org.helpdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running helpdesk the way scripts do: form POSTs to the legacy API, JSON with HTTP Basic or a bearer token
 * to /api/v1.
 */
public class HelpdeskClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient http = HttpClient.newHttpClient();

	public HelpdeskClient(String base) {
		this.base = base;
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The {field: reason} pairs of a 400 problem detail; fails the test when the answer is anything else. */
		public Map<String, String> fieldErrors() {
			assertThat(status).as(body).isEqualTo(400);
			assertThat(contentType()).startsWith("application/problem+json");
			assertThat(body).doesNotContain("Exception").doesNotContain("at org.");
			Map<String, String> errors = new LinkedHashMap<>();
			json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("reason").asString()));
			return errors;
		}
	}

	/** A file part for multipart requests. */
	public record FilePart(String field, String filename, String contentType, byte[] content) {
	}

	public String base() {
		return base;
	}

	/** POST application/x-www-form-urlencoded to /api/{method}/ with the given fields. */
	public Response legacy(String method, Map<String, String> fields) {
		return form("/api/" + method + "/", fields);
	}

	public Response form(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** POST a raw body with the given content type. */
	public Response raw(String path, String contentType, byte[] body) {
		return raw(path, contentType, body, null);
	}

	/** POST a raw body with the given content type and Authorization header (e.g. {@link #basic}; none if null). */
	public Response raw(String path, String contentType, byte[] body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	public Response multipart(String path, Map<String, String> fields, List<FilePart> files) {
		return multipart(path, fields, files, null);
	}

	/** A multipart POST carrying this Authorization header (none if null). */
	public Response multipart(String path, Map<String, String> fields, List<FilePart> files, String authorization) {
		String boundary = "----helpdesk" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		for (FilePart file : files) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.filename() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			out.writeBytes(file.content());
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		return raw(path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), authorization);
	}

	/** POST form fields to /api/{method}/ carrying the given Authorization header (e.g. {@link #basic}). */
	public Response legacyWithAuthorization(String method, Map<String, String> fields, String authorization) {
		String body = fields.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + "/api/" + method + "/"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Any HTTP method without a body and without credentials. */
	public Response send(String method, String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/** GET with HTTP Basic credentials, keeping the body as bytes (for attachment downloads). */
	public HttpResponse<byte[]> download(String path, String user, String password) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password))
				.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A JSON request with HTTP Basic (unless {@code user} is null) and further headers as name, value, … */
	public Response request(String method, String path, String user, String password, String json, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		if (user != null) {
			builder.header("Authorization", basic(user, password));
		}
		return send(builder);
	}

	/** A JSON request with HTTP Basic whose body goes in chunks, without Content-Length, as a streaming client sends. */
	public Response chunked(String method, String path, String user, String password, String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
			.header("Content-Type", "application/json")
			.header("Authorization", basic(user, password)));
	}

	/** A JSON request carrying {@code Authorization: Bearer <token>} (a personal API token). */
	public Response bearer(String method, String path, String token, String json) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		return send(builder);
	}

	public Response admin(String method, String path, Object body) {
		return request(method, path, FullStackTest.ADMIN, FullStackTest.ADMIN_PASSWORD,
				body == null ? null : JSON.writeValueAsString(body));
	}

	/** Creates a queue through the admin API and returns its id. */
	public long createQueue(Map<String, Object> fields) {
		Response response = admin("POST", "/api/v1/queues", fields);
		if (response.status() != 201) {
			throw new AssertionError("Could not create queue: " + response.status() + " " + response.body());
		}
		return response.json().get("id").asLong();
	}

	public long createQueue(String slug) {
		return createQueue(Map.of("title", "Queue " + slug, "slug", slug));
	}

	/** Creates an account through the admin API and returns its id. */
	public long createUser(Map<String, Object> fields) {
		Response response = admin("POST", "/api/v1/users", fields);
		if (response.status() != 201) {
			throw new AssertionError("Could not create user: " + response.status() + " " + response.body());
		}
		return response.json().get("id").asLong();
	}

	public long createUser(String username, String password, String role, String email, List<Long> queues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("role", role);
		if (email != null) {
			fields.put("email", email);
		}
		fields.put("queues", queues);
		return createUser(fields);
	}

	public JsonNode ticket(long id) {
		Response response = admin("GET", "/api/v1/tickets/" + id, null);
		if (response.status() != 200) {
			throw new AssertionError("Could not read ticket " + id + ": " + response.status() + " " + response.body());
		}
		return response.json();
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(), response);
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
