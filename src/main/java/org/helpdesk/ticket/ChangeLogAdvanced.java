package org.helpdesk.ticket;

/**
 * Published on a node, outside any transaction, after its sequencer gave positions up to {@code head} to changes:
 * readers of the {@link ChangeLog} on this node may read on at once. Readers also poll {@link ChangeLog#head()} for
 * changes other nodes sequenced.
 */
public record ChangeLogAdvanced(long head) {
}
