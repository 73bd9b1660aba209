package org.helpdesk.notification;

import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MailHeadersOnH2Test extends MailHeadersTests {

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}
