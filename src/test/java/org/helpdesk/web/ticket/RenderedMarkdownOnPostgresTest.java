package org.helpdesk.web.ticket;

import org.helpdesk.support.RequiresPostgres;
import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class RenderedMarkdownOnPostgresTest extends RenderedMarkdownTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry);
	}
}
