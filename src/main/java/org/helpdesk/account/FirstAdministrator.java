package org.helpdesk.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On a start that finds no accounts, creates the first administrator. Without a configured password, a random one
 * is generated and printed once: the operator's only way in on a fresh install.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AccountManagement accounts;

	private final AdminSettings settings;

	FirstAdministrator(AccountManagement accounts, AdminSettings settings) {
		this.accounts = accounts;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = settings.password() == null || settings.password().isEmpty();
		String password = generated ? randomPassword() : settings.password();
		if (accounts.createFirstAdmin(settings.username(), password)) {
			if (generated) {
				log.warn("Created the first administrator '{}' with the generated password: {}", settings.username(),
						password);
			}
			else {
				log.info("Created the first administrator '{}' with the configured password", settings.username());
			}
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
