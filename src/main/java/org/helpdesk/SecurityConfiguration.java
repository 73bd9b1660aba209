package org.helpdesk;

import org.helpdesk.account.AccountDetailsService;
import org.helpdesk.account.ApiTokenAuthenticator;
import org.helpdesk.account.BearerTokenFilter;
import org.helpdesk.account.CurrentAccountFilter;
import org.helpdesk.restapi.ApiRateLimits;
import org.helpdesk.web.RememberMe;
import org.helpdesk.web.SignInFailure;
import org.helpdesk.web.SignInSuccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The JSON API uses HTTP Basic, personal API tokens (bearer, limited by their scopes; see
 * {@link ApiAccess}) or, for reading, a signed-in page session, and is rate limited per caller; the legacy API checks
 * its own form credentials (through the same authenticator); pages use a sign-in form; health, the portal and the API
 * docs are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain jsonApi(HttpSecurity http, AccountDetailsService accounts, ApiTokenAuthenticator tokens,
			ApiRateLimits rateLimits) throws Exception {
		http.securityMatcher("/api/v1/**")
			.addFilterBefore(new BearerTokenFilter(tokens, SecurityAnswers::api), BasicAuthenticationFilter.class)
			.addFilterBefore(new CurrentAccountFilter(accounts), AnonymousAuthenticationFilter.class)
			// after every way of signing in, so each caller counts against their own bucket
			.addFilterAfter(rateLimits.filter(), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/v1/openapi/**", "/api/v1/openapi", "/api/v1/docs/**", "/api/v1/docs",
						"/api/v1/swagger-ui/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/me/tokens").access(ApiAccess.staffWithPassword())
				.requestMatchers("/api/v1/me/tokens/**").access(ApiAccess.staff())
				.requestMatchers(HttpMethod.GET, "/api/v1/me").access(ApiAccess.staff())
				.requestMatchers("/api/v1/tickets/**", "/api/v1/changes", "/api/v1/changes/**").access(ApiAccess.staff())
				.anyRequest().access(ApiAccess.administrators()))
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers::api))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(SecurityAnswers::api)
				.accessDeniedHandler(SecurityAnswers::denied))
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
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityAnswers::basicOnly))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(SecurityAnswers::basicOnly,
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
}
