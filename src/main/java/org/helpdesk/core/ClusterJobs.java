package org.helpdesk.core;

import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Work that must happen once across every node of a cluster at a time (one poll of a mailbox, one escalation
 * cycle), held apart by ShedLock's named locks in the database, with the database's clock.
 */
@Component
public class ClusterJobs implements SmartInitializingSingleton {

	private final LockingTaskExecutor executor;

	private final DataSource dataSource;

	ClusterJobs(DataSource dataSource) {
		this.dataSource = dataSource;
		this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build()));
	}

	/**
	 * On the embedded file database the locks found at start-up were held by an earlier run of this process, now gone
	 * (see {@link EmbeddedDatabase#heldByThisProcessAlone}): released here, so that a mailbox a crash interrupted is
	 * polled again at once rather than after its {@code atMost}. Runs after the migrations, before any job.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		// ShedLock writes a lock's row again when it is next taken; deleting needs no clock to agree with
		EmbeddedDatabase.releaseLeftovers(dataSource, "job lock(s)",
				() -> new JdbcTemplate(dataSource).update("delete from shedlock"));
	}

	/**
	 * Runs the task here unless another node (or thread) holds the lock of that name; returns whether it ran.
	 * {@code atMost} frees the lock if this node dies mid-run; {@code atLeast} keeps it after a quick run, so that
	 * other nodes whose clocks tick a little differently do not run the same cycle again at once.
	 */
	public boolean runOnce(String name, Duration atMost, Duration atLeast, Runnable task) {
		LockingTaskExecutor.TaskResult<Object> result;
		try {
			result = executor.executeWithLock(() -> {
				task.run();
				return null;
			}, new LockConfiguration(java.time.Instant.now(), name, atMost, atLeast));
		}
		catch (RuntimeException | Error e) {
			throw e;
		}
		catch (Throwable e) {
			throw new IllegalStateException(e);
		}
		return result.wasExecuted();
	}
}
