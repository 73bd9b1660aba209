package org.helpdesk.core;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets that every node must agree on, kept in the database and created on first use.
 */
@Component
public class SharedSecrets {

	private final JdbcClient jdbc;

	SharedSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String get(String name) {
		return jdbc.sql("select secret from app_secret where name = ?").param(name).query(String.class).optional()
			.orElseGet(() -> create(name));
	}

	private String create(String name) {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		try {
			jdbc.sql("insert into app_secret (name, secret) values (?, ?)")
				.params(name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).update();
		}
		catch (DataIntegrityViolationException raced) {
			// another node created it first; theirs is the one
		}
		return jdbc.sql("select secret from app_secret where name = ?").param(name).query(String.class).single();
	}
}
