package org.helpdesk.customfield;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.NotFound;
import org.helpdesk.core.UniqueValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defining custom ticket fields, and checking the values clients send for them.
 */
@Service
@Transactional
public class CustomFieldManagement {

	private final CustomFields fields;

	CustomFieldManagement(CustomFields fields) {
		this.fields = fields;
	}

	public static class CustomFieldNotFound extends NotFound {

		public CustomFieldNotFound() {
			super("No such custom field");
		}
	}

	@Transactional(readOnly = true)
	public List<CustomField> list() {
		return fields.findAll();
	}

	public CustomField define(CustomField draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.name() == null || !draft.name().matches("[a-z][a-z0-9_]{0,49}")) {
			problems.add(new FieldProblem("name", "must be 1-50 lower-case letters, digits or _, starting with a letter"));
		}
		else if (fields.nameTaken(draft.name())) {
			problems.add(new FieldProblem("name", "is already used by another custom field"));
		}
		if (Input.isBlank(draft.label())) {
			problems.add(new FieldProblem("label", "is required"));
		}
		else if (Input.checkText("label", draft.label(), 100, false) != null) {
			problems.add(Input.checkText("label", draft.label(), 100, false));
		}
		if (draft.dataType() == null || !CustomFieldTypes.TYPES.contains(draft.dataType())) {
			problems.add(new FieldProblem("data_type", "must be one of " + CustomFieldTypes.TYPES));
		}
		if ("list".equals(draft.dataType()) && (draft.listValues() == null || draft.listValues().isEmpty())) {
			problems.add(new FieldProblem("list_values", "a list field needs at least one choice"));
		}
		if (draft.maxLength() != null && (draft.maxLength() < 1 || draft.maxLength() > 100_000)) {
			problems.add(new FieldProblem("max_length", "must be between 1 and 100000"));
		}
		if (draft.decimalPlaces() != null && (draft.decimalPlaces() < 0 || draft.decimalPlaces() > 10)) {
			problems.add(new FieldProblem("decimal_places", "must be between 0 and 10"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		List<String> choices = draft.listValues() == null ? List.of() : draft.listValues();
		long id = UniqueValues.insert(() -> fields.insert(new CustomField(0, draft.name(), draft.label().trim(),
				draft.dataType(), draft.required(), draft.maxLength(), draft.decimalPlaces(), choices, draft.staffOnly(),
				draft.ordering())), "name", "is already used by another custom field");
		return fields.findById(id).orElseThrow();
	}

	public void delete(long id) {
		fields.findById(id).orElseThrow(CustomFieldNotFound::new);
		fields.delete(id);
	}

	/**
	 * Checks values sent as {@code custom_<name>} against the defined fields and returns the stored form by field id.
	 * Values for fields that do not exist are ignored; a missing required field is a problem.
	 */
	public Map<Long, String> check(Map<String, String> sent, List<FieldProblem> problems) {
		Map<Long, String> accepted = new LinkedHashMap<>();
		for (CustomField field : fields.findAll()) {
			String raw = sent.get(field.name());
			String param = "custom_" + field.name();
			if (raw == null || raw.isBlank()) {
				if (field.required()) {
					problems.add(new FieldProblem(param, "is required"));
				}
				continue;
			}
			FieldProblem encoding = Input.checkText(param, raw, 100_000, true);
			if (encoding != null) {
				problems.add(encoding);
				continue;
			}
			try {
				accepted.put(field.id(), CustomFieldTypes.normalise(field, raw));
			}
			catch (CustomFieldTypes.InvalidValue ex) {
				problems.add(new FieldProblem(param, ex.getMessage()));
			}
		}
		return accepted;
	}

	public void store(long ticketId, Map<Long, String> values) {
		values.forEach((fieldId, value) -> fields.insertValue(ticketId, fieldId, value));
	}

	@Transactional(readOnly = true)
	public Map<String, String> valuesOf(long ticketId) {
		return fields.valuesOf(ticketId);
	}
}
