/**
 * Administration pages: queues with all their settings, and user accounts with roles, queue limits, activation and
 * password resets.
 */
package org.helpdesk.web.admin;
