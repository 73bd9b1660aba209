package org.helpdesk.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as the templates have them. Spring Boot would pass every link of every page through
 * the static resource chain (to add WebJar versions), and the chain caches only links it finds as files: each link
 * to a page ({@code /login}, {@code /submit}, …) was looked up in the jar again on every request, most of the cost
 * of a public page. The WebJars still resolve without versions when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinks {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		off.setEnabled(false);
		return off;
	}
}
