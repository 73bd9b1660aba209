/**
 * Administration pages: queues with all their settings, and user accounts with roles, queue limits, activation and
 * password resets, and the ignore lists of inbound mail.
 */
package org.helpdesk.web.admin;
