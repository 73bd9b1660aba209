/**
 * What agents look through: the ticket list's queries and counts, saved views, and keyword search on a Lucene
 * index of this node's own, fed from the ticket change log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "account", "queue", "core" })
package org.helpdesk.ticketlist;
