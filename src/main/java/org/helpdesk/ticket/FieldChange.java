package org.helpdesk.ticket;

/**
 * One field of a ticket that an action changed, as shown in its history.
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
