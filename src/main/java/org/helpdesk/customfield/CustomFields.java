package org.helpdesk.customfield;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CustomFields {

	private final JdbcClient jdbc;

	CustomFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CustomField> findAll() {
		return jdbc.sql("select * from custom_field order by coalesce(ordering, 0), name").query(CustomFields::map).list();
	}

	Optional<CustomField> findById(long id) {
		return jdbc.sql("select * from custom_field where id = ?").param(id).query(CustomFields::map).optional();
	}

	boolean nameTaken(String name) {
		return jdbc.sql("select count(*) from custom_field where name = ?").param(name).query(Long.class).single() > 0;
	}

	long insert(CustomField f) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into custom_field (name, label, data_type, required, max_length, decimal_places, list_values,
				  staff_only, ordering) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(f.name(), f.label(), f.dataType(), f.required(), f.maxLength(), f.decimalPlaces(),
					f.listValues().isEmpty() ? null : String.join("\n", f.listValues()), f.staffOnly(), f.ordering())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void delete(long id) {
		jdbc.sql("delete from custom_field where id = ?").param(id).update();
	}

	void insertValue(long ticketId, long fieldId, String value) {
		jdbc.sql("insert into ticket_custom_value (ticket_id, field_id, field_value) values (?, ?, ?)")
			.params(ticketId, fieldId, value).update();
	}

	Map<String, String> valuesOf(long ticketId) {
		Map<String, String> values = new LinkedHashMap<>();
		jdbc.sql("""
				select f.name, v.field_value from ticket_custom_value v join custom_field f on f.id = v.field_id
				where v.ticket_id = ? order by coalesce(f.ordering, 0), f.name""")
			.param(ticketId)
			.query(rs -> {
				values.put(rs.getString(1), rs.getString(2));
			});
		return values;
	}

	private static CustomField map(ResultSet rs, int row) throws SQLException {
		String list = rs.getString("list_values");
		return new CustomField(rs.getLong("id"), rs.getString("name"), rs.getString("label"), rs.getString("data_type"),
				rs.getBoolean("required"), (Integer) rs.getObject("max_length", Integer.class),
				(Integer) rs.getObject("decimal_places", Integer.class),
				list == null ? List.of() : Arrays.stream(list.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
				rs.getBoolean("staff_only"), (Integer) rs.getObject("ordering", Integer.class));
	}
}
