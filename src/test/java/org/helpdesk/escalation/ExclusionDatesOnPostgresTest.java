package org.helpdesk.escalation;

import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class ExclusionDatesOnPostgresTest extends ExclusionDatesTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
