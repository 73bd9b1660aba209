/**
 * The agent's day-to-day overview: the dashboard, the filterable ticket list with saved views, and bulk actions.
 */
package org.helpdesk.web.list;
