package org.helpdesk.account;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	// Stored hashes carry their algorithm ({bcrypt}...), so a stronger one can be introduced later.
	@Bean
	PasswordEncoder passwordEncoder(SecuritySettings settings) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordHashStrength())));
	}
}
