/**
 * The staff ticket page (fields, one timeline, reply form and every action on a ticket) and the new-ticket page.
 * Types the templates read are public because the template language only calls methods of public types.
 */
package org.helpdesk.web.ticket;
