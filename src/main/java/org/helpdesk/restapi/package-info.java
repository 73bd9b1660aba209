/**
 * The JSON API under /api/v1: administration of queues and users, and reading tickets.
 */
package org.helpdesk.restapi;
