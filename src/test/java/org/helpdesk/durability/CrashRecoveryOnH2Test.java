package org.helpdesk.durability;

import java.util.List;

/** The embedded default: no datasource argument, so the test proves the URL in application.properties. */
class CrashRecoveryOnH2Test extends CrashRecoveryTests {

	@Override
	List<String> databaseArguments() {
		return List.of();
	}
}
