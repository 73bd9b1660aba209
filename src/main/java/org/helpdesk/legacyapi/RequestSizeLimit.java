package org.helpdesk.legacyapi;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.core.BufferedBody;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the configured limit before anything reads them. Bodies without a declared length
 * are cut off by the multipart and form size limits, which are set to the same value; on the JSON API, which has
 * no such limit, they are read ahead up to the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long limit;

	RequestSizeLimit(ApiSettings settings) {
		this.limit = settings.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean jsonApi = request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/");
		if (request.getContentLengthLong() > limit) {
			refuse(response, jsonApi);
			return;
		}
		if (jsonApi && request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
			// a body sent in chunks has no length to check up front, and JSON readers take all there is: read it
			// ahead, up to one byte past the limit
			byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (body.length > limit) {
				refuse(response, true);
				return;
			}
			chain.doFilter(new BufferedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, boolean jsonApi) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		if (jsonApi) {
			// the JSON API answers every error as a problem detail naming the field
			response.setContentType("application/problem+json;charset=utf-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
					+ "\"detail\":\"body: is larger than the limit of " + readable(limit) + "\",\"errors\":[{\"field\":"
					+ "\"body\",\"reason\":\"is larger than the limit of " + readable(limit) + "\"}]}");
			return;
		}
		response.setContentType(LegacyResponse.TEXT.toString());
		response.getWriter().write("Request body too large: the limit is " + readable(limit));
	}

	static String readable(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + " MiB";
		}
		return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
	}
}
