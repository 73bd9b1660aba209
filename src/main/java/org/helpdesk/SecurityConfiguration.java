package org.helpdesk;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.AccountDetailsService;
import org.helpdesk.account.CurrentAccountFilter;
import org.helpdesk.account.ThrottledAuthentication;
import org.helpdesk.web.RememberMe;
import org.helpdesk.web.SignInFailure;
import org.helpdesk.web.SignInSuccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The JSON API uses HTTP Basic (or, for reading, a signed-in page session); the legacy API checks
 * its own form credentials (through the same authenticator); pages use a sign-in form; health, the portal and the API
 * docs are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain jsonApi(HttpSecurity http, AccountDetailsService accounts) throws Exception {
		http.securityMatcher("/api/v1/**")
			.addFilterBefore(new CurrentAccountFilter(accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs",
						"/api/v1/swagger-ui/**").permitAll()
				.requestMatchers("/api/v1/tickets/**", "/api/v1/changes", "/api/v1/changes/**").hasAnyRole("ADMIN", "AGENT")
				.anyRequest().hasRole("ADMIN"))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::problem))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityConfiguration::problem)
				.accessDeniedHandler((request, response, denied) -> writeProblem(response, 403, "Forbidden",
						"This account may not use this endpoint")))
			// a signed-in browser (Swagger UI) may read with its page session; see SessionForReading
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.securityContext(context -> context.securityContextRepository(new SessionForReading()))
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

	// Pages: form sign-in with CSRF protection and remember-me; staff pages for agents and admins, the portal
	// for everyone. Monitoring endpoints other than health take HTTP Basic as well, for scrapers.
	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, RememberMe rememberMe, AccountDetailsService accounts,
			SignInSuccess signInSuccess) throws Exception {
		http.addFilterBefore(new CurrentAccountFilter(accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers("/login", "/", "/submit", "/submit/**", "/view", "/view/**", "/kb/**").permitAll()
				.requestMatchers("/swagger-ui/**", "/v3/api-docs/**").permitAll()
				.requestMatchers("/admin/**", "/actuator/**").hasRole("ADMIN")
				.requestMatchers("/my-tickets", "/my-tickets/**", "/account/**", "/logout").authenticated()
				.anyRequest().hasAnyRole("ADMIN", "AGENT"))
			.formLogin(form -> form.loginPage("/login").successHandler(signInSuccess)
				.failureHandler(new SignInFailure()))
			.rememberMe(remember -> remember.key(rememberMe.key()).rememberMeServices(rememberMe.services()))
			.logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::problem))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(SecurityConfiguration::problem,
					PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	// The CSRF token of a visitor who has not signed in lives in a cookie (double submit), not in a session: public
	// pages then cost no session row. HttpOnly: the pages' script reads the token from the page, not the cookie.
	private static CookieCsrfTokenRepository csrfCookie() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
