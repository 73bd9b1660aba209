package org.helpdesk.inbox;

import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class InboundMailFilesOnPostgresTest extends InboundMailFilesTests {

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
