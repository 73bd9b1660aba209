/**
 * Attachment files: size and type limits, storing them under the data dir, reading and removing them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core" })
package org.helpdesk.attachment;
