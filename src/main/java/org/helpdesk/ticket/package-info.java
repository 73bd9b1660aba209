/**
 * The ticket aggregate: follow-ups, history, CCs and attachments; the one place where status rules live.
 */
package org.helpdesk.ticket;
