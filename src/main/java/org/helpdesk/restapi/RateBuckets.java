package org.helpdesk.restapi;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Where the callers' token buckets live. On PostgreSQL in the table {@code api_rate_limit}, through Bucket4j's
 * select-for-update proxy, so that every node counts against the same bucket; concurrent requests of one caller wait
 * for each other on the row's lock. (Bucket4j's batching, which would let them share a round trip, failed the first
 * concurrent requests of a new caller with "Bucket does not exist" in 8.18.0.) On the embedded H2 database, which no other node can
 * open, in this process's memory (Bucket4j has no H2 backend, and a database write per request would cost a durable
 * commit each).
 */
abstract sealed class RateBuckets {

	/** Callers remembered at once; a caller forgotten early only starts again with a full bucket. */
	private static final int MAX_CALLERS = 100_000;

	protected final Cache<String, Bucket> buckets;

	protected final BucketConfiguration configuration;

	private RateBuckets(BucketConfiguration configuration, Duration idle) {
		this.configuration = configuration;
		this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS).expireAfterAccess(idle).build();
	}

	static RateBuckets inMemory(BucketConfiguration configuration, Duration refillTime) {
		return new InMemory(configuration, refillTime);
	}

	static RateBuckets shared(DataSource dataSource, BucketConfiguration configuration) {
		return new Shared(dataSource, configuration);
	}

	Bucket of(String caller) {
		return buckets.get(caller, this::create);
	}

	protected abstract Bucket create(String caller);

	/** Removes rows of buckets that have been full for a while; answers how many. */
	int removeIdle() {
		return 0;
	}

	private static final class InMemory extends RateBuckets {

		// a bucket idle for longer than it takes to fill up again is full: forgetting it changes nothing
		InMemory(BucketConfiguration configuration, Duration refillTime) {
			super(configuration, refillTime.plusMinutes(1));
		}

		@Override
		protected Bucket create(String caller) {
			return Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
		}
	}

	private static final class Shared extends RateBuckets {

		private static final int CLEANUP_BATCH = 1_000;

		private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;

		Shared(DataSource dataSource, BucketConfiguration configuration) {
			super(configuration, Duration.ofMinutes(10));
			this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("api_rate_limit").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
				.build();
		}

		@Override
		protected Bucket create(String caller) {
			return rows.builder().build(caller, () -> configuration);
		}

		@Override
		int removeIdle() {
			int total = 0;
			int removed;
			do {
				removed = rows.removeExpired(CLEANUP_BATCH);
				total += removed;
			}
			while (removed == CLEANUP_BATCH);
			return total;
		}
	}
}
