package org.helpdesk.web.list;

import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class FirstRunOnPostgresTest extends FirstRunTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
