package org.helpdesk.durability;

import java.util.List;

import org.helpdesk.support.Postgres;
import org.helpdesk.support.RequiresPostgres;

@RequiresPostgres
class CrashRecoveryOnPostgresTest extends CrashRecoveryTests {

	private final String url = Postgres.createDatabase();

	@Override
	List<String> databaseArguments() {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.user(),
				"--spring.datasource.password=" + Postgres.password());
	}

	/** Another node may share PostgreSQL, so the killed node's lease must run out: kept short. */
	@Override
	String webhookLease() {
		return "15s";
	}
}
