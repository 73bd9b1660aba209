package org.helpdesk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads again, in a fresh transaction, when the embedded H2 store lost a page under a running query. H2 2.4 rewrites
 * half-empty chunks of its file in the background, and a query that walks a long index meanwhile can find a chunk gone
 * ({@code MVStoreException: Chunk … not found}, an open upstream bug: h2database/h2database#4383, reproduced there by
 * compacting under an open cursor). At a million tickets, after a burst of writes, 17 of about 75,000 ticket-list
 * requests failed so with a 500. The data is intact: the same query started again reads the store's current pages.
 * Only for classes whose methods only read; PostgreSQL never raises it, so nothing changes there. A read that joined
 * a caller's transaction is not repeated: that transaction is marked for rollback already, and the caller decides.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(predicate = RereadOnLostChunk.LostChunk.class, maxRetries = 2, delay = 0, jitter = 0)
public @interface RereadOnLostChunk {

	/** True for H2's "chunk not found", anywhere in the causes of what the read threw. */
	final class LostChunk implements MethodRetryPredicate {

		@Override
		public boolean shouldRetry(Method method, Throwable failure) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				return false;
			}
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof MVStoreException store
						&& store.getErrorCode() == DataUtils.ERROR_CHUNK_NOT_FOUND) {
					return true;
				}
			}
			return false;
		}
	}
}
