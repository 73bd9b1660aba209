package org.helpdesk.core;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class CoreConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Replaces Spring Boot's transaction manager: commits return once they are in the database file. */
	@Bean
	DurableCommits transactionManager(DataSource dataSource) {
		return new DurableCommits(dataSource);
	}
}
