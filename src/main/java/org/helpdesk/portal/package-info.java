/**
 * The customer portal: public pages to submit a ticket, follow it through its secret link, reply and accept its
 * resolution, and a signed-in customer's list of their own tickets.
 */
package org.helpdesk.portal;
