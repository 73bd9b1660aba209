package org.helpdesk.restapi;

import java.util.List;

import org.helpdesk.customfield.CustomField;
import org.helpdesk.customfield.CustomFieldManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Custom ticket fields; clients fill them as {@code custom_<name>} when they open tickets.
 */
@RestController
@RequestMapping("/api/v1/custom-fields")
class CustomFieldAdminController {

	private final CustomFieldManagement customFields;

	CustomFieldAdminController(CustomFieldManagement customFields) {
		this.customFields = customFields;
	}

	record CustomFieldBody(Long id, String name, String label, String dataType, Boolean required, Integer maxLength,
			Integer decimalPlaces, List<String> listValues, Boolean staffOnly, Integer ordering) {

		static CustomFieldBody of(CustomField f) {
			return new CustomFieldBody(f.id(), f.name(), f.label(), f.dataType(), f.required(), f.maxLength(),
					f.decimalPlaces(), f.listValues(), f.staffOnly(), f.ordering());
		}

		CustomField draft() {
			return new CustomField(0, name, label, dataType, Boolean.TRUE.equals(required), maxLength, decimalPlaces,
					listValues, Boolean.TRUE.equals(staffOnly), ordering);
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CustomFieldBody define(@RequestBody CustomFieldBody body) {
		return CustomFieldBody.of(customFields.define(body.draft()));
	}

	@GetMapping
	List<CustomFieldBody> list() {
		return customFields.list().stream().map(CustomFieldBody::of).toList();
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		customFields.delete(id);
	}
}
