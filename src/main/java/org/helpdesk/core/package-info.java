/**
 * Shared basics every module may use: settings, the clock, input errors, the audit trail.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.helpdesk.core;
