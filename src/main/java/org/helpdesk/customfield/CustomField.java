package org.helpdesk.customfield;

import java.util.List;

/**
 * An administrator-defined ticket field. {@code listValues} are the choices of a {@code list} field.
 */
public record CustomField(long id, String name, String label, String dataType, boolean required, Integer maxLength,
		Integer decimalPlaces, List<String> listValues, boolean staffOnly, Integer ordering) {
}
