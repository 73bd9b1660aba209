package org.helpdesk.core;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has committed (never, if it rolls back), or at once when there is none.
 * For in-memory reactions to a change, such as waking a sender or forgetting a cached number: durable reactions go
 * through the outbox in the transaction itself.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}
}
