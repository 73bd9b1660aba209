package org.helpdesk.restapi;

import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class ApiBadInputOnPostgresTest extends ApiBadInputTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
