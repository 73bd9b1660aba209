/**
 * Escalation: tickets that wait longer than their queue's {@code escalate_days} working days become one step more
 * urgent, once per cycle across all nodes; and the exclusion dates (holidays, weekends) that do not count.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ticket", "queue", "core" })
package org.helpdesk.escalation;
