package org.helpdesk.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the {@link ChangeLog} keeps its rows.
 *
 * @param retention rows older than this are removed (once an hour, on one node); a search index or feed reader that
 *     fell further behind starts again from the tables (the index rebuilds itself)
 */
@ConfigurationProperties("helpdesk.change-log")
public record ChangeLogSettings(@DefaultValue("30d") Duration retention) {
}
