package org.helpdesk.durability;

import java.util.List;

/** The embedded default: no datasource argument, so the test proves the URL in application.properties. */
class CrashRecoveryOnH2Test extends CrashRecoveryTests {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}

	/**
	 * An hour, far beyond the test's wait: the file database is this process's alone, so the restarted node gives up
	 * the killed one's lease at start-up and delivers at once.
	 */
	@Override
	String webhookLease() {
		return "1h";
	}
}
