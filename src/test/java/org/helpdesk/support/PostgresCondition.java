package org.helpdesk.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class PostgresCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Postgres.available()) {
			return ConditionEvaluationResult.enabled("PostgreSQL is reachable at " + Postgres.ADMIN_URL);
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + Postgres.ADMIN_URL
					+ " (start it with pg_ctlcluster, or set HELPDESK_TEST_POSTGRES_URL)");
		}
		return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + Postgres.ADMIN_URL);
	}
}
