package org.helpdesk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.ThrottledAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. The JSON API uses HTTP Basic; the legacy API checks its own form credentials (through the
 * same authenticator); health and the API docs are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain jsonApi(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs").permitAll()
				.requestMatchers("/api/v1/tickets/**").hasAnyRole("ADMIN", "AGENT")
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::problem))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::problem)
				.accessDeniedHandler((request, response, denied) -> writeProblem(response, 403, "Forbidden",
						"This account may not use this endpoint")))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	// The legacy API authenticates each request itself from its form fields; no session, no CSRF token.
	@Bean
	@Order(2)
	SecurityFilterChain legacyApi(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.anonymous(anonymous -> anonymous.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers(HttpMethod.GET, "/", "/error", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::problem))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	private static void problem(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (failure instanceof ThrottledAuthentication throttled) {
			response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
			writeProblem(response, 429, "Too Many Requests", "Too many failed login attempts; try again in "
					+ throttled.retryAfterSeconds() + " seconds");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"helpdesk\"");
		writeProblem(response, 401, "Unauthorized", "Valid credentials are required (HTTP Basic)");
	}

	private static void writeProblem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=utf-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}");
	}
}
