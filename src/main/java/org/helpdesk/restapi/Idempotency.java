package org.helpdesk.restapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.AccountPrincipal;
import org.helpdesk.core.BufferedBody;
import org.helpdesk.core.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every {@code POST} of the JSON API: the first request with a key runs and its answer is
 * kept for {@link #KEPT} (per account, in the database, so every node sees it); the same key with the same request
 * again gets that answer (status, body, {@code Location}) with {@code Idempotent-Replayed: true} and changes nothing;
 * with a different request it is refused with 422; while the first is still running, with 409. A 5xx answer is not
 * kept, so the client may try again. A request whose node died mid-way is taken over after {@link #ABANDONED}:
 * should that node have committed before it died, the change is made again (the one case this cannot rule out).
 */
@Component
class Idempotency extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final Duration KEPT = Duration.ofHours(24);

	static final Duration ABANDONED = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Idempotency(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/")
				|| request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AccountPrincipal principal)) {
			chain.doFilter(request, response); // security answers 401
			return;
		}
		String key = request.getHeader(HEADER);
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			problem(response, 400, "Invalid input", HEADER + ": must be 1 to 255 visible ASCII characters",
					List.of(Map.of("field", HEADER, "reason", "must be 1 to 255 visible ASCII characters")));
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String hash = hash(request, body);
		long account = principal.account().id();
		if (!claim(account, key, hash, response)) {
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(new BufferedBody(request, body), recorded);
			if (recorded.getStatus() < 500) {
				jdbc.update("update idempotency_key set status = ?, content_type = ?, location = ?, body = ?"
						+ " where account_id = ? and idem_key = ?", recorded.getStatus(), recorded.getContentType(),
						recorded.getHeader("Location"),
						new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8), account, key);
				kept = true;
			}
		}
		finally {
			if (!kept) {
				jdbc.update("delete from idempotency_key where account_id = ? and idem_key = ?", account, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	/**
	 * Takes the key for this request; answers false after writing the answer itself (a replay, 409 or 422).
	 */
	private boolean claim(long account, String key, String hash, HttpServletResponse response) throws IOException {
		Instant now = clock.instant();
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				jdbc.update("insert into idempotency_key (account_id, idem_key, request_hash, created) values (?, ?, ?, ?)",
						account, key, hash, Timestamps.toDb(now));
				return true;
			}
			catch (DuplicateKeyException taken) {
				List<Map<String, Object>> rows = jdbc.queryForList("select request_hash, status, content_type, location,"
						+ " body, created from idempotency_key where account_id = ? and idem_key = ?", account, key);
				if (rows.isEmpty()) {
					continue; // removed meanwhile
				}
				Map<String, Object> row = rows.get(0);
				Instant created = instant(row.get("created"));
				boolean expired = created.isBefore(now.minus(KEPT));
				boolean abandoned = row.get("status") == null && created.isBefore(now.minus(ABANDONED));
				if (expired || abandoned) {
					jdbc.update("delete from idempotency_key where account_id = ? and idem_key = ? and created <= ?"
							+ " and (status is null or created < ?)", account, key, Timestamps.toDb(now.minus(ABANDONED)),
							Timestamps.toDb(now.minus(KEPT)));
					continue;
				}
				if (!hash.equals(row.get("request_hash"))) {
					problem(response, 422, "Idempotency key reused", "This Idempotency-Key was used with a different"
							+ " request in the last 24 hours", List.of(Map.of("field", HEADER, "reason",
									"was used with a different request")));
					return false;
				}
				if (row.get("status") == null) {
					problem(response, 409, "Request in progress", "A request with this Idempotency-Key is still being"
							+ " processed; try again in a moment", List.of());
					return false;
				}
				response.setStatus(((Number) row.get("status")).intValue());
				response.setHeader("Idempotent-Replayed", "true");
				if (row.get("content_type") != null) {
					response.setContentType((String) row.get("content_type"));
				}
				if (row.get("location") != null) {
					response.setHeader("Location", (String) row.get("location"));
				}
				String body = (String) row.get("body");
				if (body != null) {
					response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
				}
				return false;
			}
		}
		problem(response, 409, "Request in progress", "This Idempotency-Key is being taken; try again", List.of());
		return false;
	}

	/** Removes answers older than {@link #KEPT}; the JSON API's housekeeping calls it. */
	int removeExpired() {
		return jdbc.update("delete from idempotency_key where created < ?", Timestamps.toDb(clock.instant().minus(KEPT)));
	}

	/** H2 reads a timestamp with time zone as an OffsetDateTime, PostgreSQL's driver as a Timestamp. */
	private static Instant instant(Object value) {
		return value instanceof Timestamp ts ? ts.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(String.valueOf(request.getContentType()).getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail,
			List<Map<String, String>> errors) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		Map<String, Object> problem = new java.util.LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		if (!errors.isEmpty()) {
			problem.put("errors", errors);
		}
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}
}
