/**
 * Staff pages: sign-in, dashboard, ticket list and ticket page, administration.
 */
package org.helpdesk.web;
