package org.helpdesk.inbox;

import org.helpdesk.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class InboundMailOnH2Test extends InboundMailTests {

	@DynamicPropertySource
	static void db(DynamicPropertyRegistry registry) {
		TestDatabases.h2(registry);
	}
}
