/**
 * What agents look through: the ticket list's queries and counts, saved views, and keyword search on a word index
 * fed from the text every ticket change queues.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "account", "queue", "core" })
package org.helpdesk.ticketlist;
