package org.helpdesk.ticketlist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The keyword-search index of this node.
 *
 * @param directory where the index lives; empty means {@code search-index} in {@code helpdesk.data-dir}. Each node
 * takes the first free {@code node-<n>} folder in it, so nodes that share a data dir each keep their own index
 * @param pollInterval how often the index looks for changes in the change log (another node's; this node's own
 * changes are taken in right after they are sequenced)
 * @param refreshInterval the shortest time between two runs of the index after changes: under load one run takes in
 * and makes searchable what many commits changed (one Lucene segment instead of one per commit), so a change may
 * wait this long before it is searchable
 * @param batchSize how many changes the index takes in with one read of the tickets they touched
 * @param commitInterval how often the index makes what it took in durable; after a crash it reads again from its
 * last commit, so this bounds only the work repeated, not what is searchable (that is at once)
 * @param rebuildBatchSize how many tickets a rebuild reads at a time
 * @param rebuildBuffer the memory a rebuild fills before it writes a segment
 */
@ConfigurationProperties("helpdesk.search")
record SearchSettings(@DefaultValue("") String directory, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("250ms") Duration refreshInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("1s") Duration commitInterval,
		@DefaultValue("1000") int rebuildBatchSize, @DefaultValue("64MB") DataSize rebuildBuffer) {
}
