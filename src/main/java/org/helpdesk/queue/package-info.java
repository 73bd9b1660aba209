/**
 * Queues (departments) and their settings: addresses, CC lists, escalation, public and e-mail submission.
 */
package org.helpdesk.queue;
