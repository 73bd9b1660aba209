package org.helpdesk.restapi;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.AccountPrincipal;
import org.helpdesk.account.ApiTokenAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts a request against its caller's bucket: the token, else the account, else the client address. Every answer
 * carries {@code RateLimit-Limit} (the bucket's size), {@code RateLimit-Remaining} and {@code RateLimit-Reset}
 * (seconds until the bucket is full again); a request over the limit is answered 429 with {@code Retry-After} (seconds
 * until the next request is allowed) and goes no further.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final ApiRateLimits limits;

	RateLimitFilter(ApiRateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<ConsumptionProbe> taken = limits.take(callerOf(request));
		if (taken.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe probe = taken.get();
		response.setHeader("RateLimit-Limit", String.valueOf(limits.limit()));
		response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
		response.setHeader("RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		response.setHeader("Retry-After", String.valueOf(retryAfter));
		response.setStatus(429);
		response.setContentType("application/problem+json;charset=utf-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"Rate limit of " + limits.limit() + " requests exceeded; try again in " + retryAfter
				+ " seconds\"}");
	}

	private static String callerOf(HttpServletRequest request) {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		if (who instanceof ApiTokenAuthentication token) {
			return "token:" + token.tokenId();
		}
		if (who != null && who.getPrincipal() instanceof AccountPrincipal account) {
			return "user:" + account.account().id();
		}
		return "ip:" + request.getRemoteAddr();
	}

	private static long seconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
	}
}
