/**
 * Attachment files: size and type limits, storing them under the data dir, reading and removing them.
 */
package org.helpdesk.attachment;
