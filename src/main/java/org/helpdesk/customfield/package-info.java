/**
 * Typed custom ticket fields that administrators define: their definitions, the checks of the values clients send,
 * and the values stored per ticket.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "core")
package org.helpdesk.customfield;
