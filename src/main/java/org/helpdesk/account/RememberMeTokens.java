package org.helpdesk.account;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/**
 * "Keep me signed in" tokens live in the database ({@code persistent_logins}, created by a migration), so that every
 * node honours them and the server can revoke them: on sign-out, and when an account loses its access.
 */
@Configuration(proxyBeanMethods = false)
class RememberMeTokens {

	@Bean
	PersistentTokenRepository rememberMeTokenRepository(DataSource dataSource) {
		JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
		tokens.setDataSource(dataSource);
		return tokens;
	}
}
