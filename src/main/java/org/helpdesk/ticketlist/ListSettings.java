package org.helpdesk.ticketlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ticket lists read the embedded H2 database.
 *
 * @param walkAtMost how many tickets a list page that H2 reads in the sort column's order, without knowing how many
 * match, looks at before it gives up and looks its filter up instead (see {@link TicketSearch}): the bound on a walk
 * whose matches lie far down the order
 */
@ConfigurationProperties("helpdesk.lists")
record ListSettings(@DefaultValue("2000") int walkAtMost) {
}
