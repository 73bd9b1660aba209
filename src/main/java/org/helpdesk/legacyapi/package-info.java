/**
 * The seed's form-POST API at /api/{method}/, exactly as existing integrations expect it, and its help page.
 */
package org.helpdesk.legacyapi;
