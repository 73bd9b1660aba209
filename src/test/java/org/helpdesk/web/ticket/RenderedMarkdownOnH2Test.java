package org.helpdesk.web.ticket;

import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RenderedMarkdownOnH2Test extends RenderedMarkdownTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}
