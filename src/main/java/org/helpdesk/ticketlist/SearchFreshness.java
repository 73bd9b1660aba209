package org.helpdesk.ticketlist;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.ticket.ChangeLog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * How far this node's search index trails the change log: the gauge {@code helpdesk.search.backlog} (changes not
 * yet searchable), the health component {@code search} (always UP: search answers from the index it has, or says
 * it is being rebuilt; the details are for administrators), and the line administrators see on the ticket list.
 */
@Component("searchHealthIndicator")
public class SearchFreshness implements HealthIndicator {

	/**
	 * @param position the change-log position the index holds everything up to
	 * @param head the highest position the log gave so far
	 * @param ready whether there is an index to search
	 * @param rebuilding whether a rebuild is running (searches use the index in use meanwhile, if there is one)
	 * @param rebuilt tickets the running rebuild has indexed so far
	 */
	public record Status(long position, long head, boolean ready, boolean rebuilding, long rebuilt) {

		/** Changes not yet searchable on this node. */
		public long backlog() {
			return Math.max(0, head - position);
		}
	}

	private final ChangeLog changes;

	private final SearchIndex index;

	private final SearchRebuild rebuild;

	SearchFreshness(ChangeLog changes, SearchIndex index, SearchRebuild rebuild, MeterRegistry registry) {
		this.changes = changes;
		this.index = index;
		this.rebuild = rebuild;
		Gauge.builder("helpdesk.search.backlog", this, SearchFreshness::backlog)
			.description("Changes in the change log not yet searchable on this node")
			.register(registry);
	}

	/** Asks the database for the log's head. */
	public Status current() {
		return new Status(index.position(), changes.head(), index.current() != null, rebuild.running(),
				rebuild.indexed());
	}

	/** A scrape must not fail because the database is briefly away; the gauge shows no value instead. */
	private double backlog() {
		try {
			return current().backlog();
		}
		catch (DataAccessException ex) {
			return Double.NaN;
		}
	}

	@Override
	public Health health() {
		try {
			Status status = current();
			return Health.up()
				.withDetail("position", status.position())
				.withDetail("backlog", status.backlog())
				.withDetail("ready", status.ready())
				.withDetail("rebuilding", status.rebuilding())
				.withDetail("rebuilt", status.rebuilt())
				.build();
		}
		catch (DataAccessException databaseAway) {
			return Health.up().withDetail("backlog", "unknown").build();
		}
	}
}
