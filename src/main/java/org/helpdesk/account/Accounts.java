package org.helpdesk.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Account rows and their queue limits.
 */
@Repository
class Accounts {

	private static final String COLUMNS = "id, username, email, first_name, last_name, role, active, all_queues, "
			+ "email_on_ticket_change, email_on_ticket_assign";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(Account account, String passwordHash, int credentialsVersion) {
	}

	Optional<Account> findById(long id) {
		Set<Long> queues = queuesOf("id = ?", id);
		return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id)
			.query((rs, n) -> map(rs, queues))
			.optional();
	}

	Optional<Stored> findStoredById(long id) {
		return findStored("id = ?", id);
	}

	Optional<Stored> findStoredByUsername(String username) {
		return findStored("username = ?", username);
	}

	private Optional<Stored> findStored(String condition, Object value) {
		Set<Long> queues = queuesOf(condition, value);
		return jdbc.sql("select " + COLUMNS + ", password_hash, credentials_version from account where " + condition)
			.param(value)
			.query((rs, n) -> new Stored(map(rs, queues), rs.getString("password_hash"),
					rs.getInt("credentials_version")))
			.optional();
	}

	/**
	 * The version of an active account, which every change to it moves; empty when it is gone or inactive. One
	 * primary-key read, cheap enough for every request.
	 */
	Optional<Integer> activeVersion(long id) {
		return jdbc.sql("select credentials_version from account where id = ? and active = true").param(id)
			.query(Integer.class).optional();
	}

	Optional<Account> findActiveByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = ? and active = true").param(username)
			.query((rs, n) -> map(rs, Set.of()))
			.optional();
	}

	List<Account> findAll() {
		Map<Long, Set<Long>> limits = new HashMap<>();
		jdbc.sql("select account_id, queue_id from account_queue")
			.query(rs -> {
				limits.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
			});
		return jdbc.sql("select " + COLUMNS + " from account order by username")
			.query((rs, n) -> map(rs, limits.getOrDefault(rs.getLong("id"), Set.of())))
			.list();
	}

	/** The ids of the active administrators, their rows locked until the transaction ends. */
	List<Long> lockActiveAdministrators() {
		return jdbc.sql("select id from account where role = ? and active = true order by id for update")
			.param(Role.ADMIN.code()).query(Long.class).list();
	}

	boolean existsByUsername(String username) {
		return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single() > 0;
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from account").query(Long.class).single() == 0;
	}

	long insert(NewAccount account, String role, String passwordHash, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, email, first_name, last_name, password_hash, role, active, all_queues,
				  created, modified)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.username(), account.email(), nullToEmpty(account.firstName()),
					nullToEmpty(account.lastName()), passwordHash, role, account.active() == null || account.active(),
					account.allQueues(), Timestamps.toDb(now), Timestamps.toDb(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Saves the account and moves its version, so that cached logins and signed-in sessions re-read it. */
	void update(long id, Account account, String newPasswordHash, Instant now) {
		jdbc.sql("""
				update account set username = ?, email = ?, first_name = ?, last_name = ?, role = ?, active = ?,
				  all_queues = ?, email_on_ticket_change = ?, email_on_ticket_assign = ?, modified = ?,
				  password_hash = coalesce(?, password_hash),
				  credentials_version = credentials_version + 1
				where id = ?""")
			.params(account.username(), account.email(), account.firstName(), account.lastName(),
					account.role().code(), account.active(), account.allQueues(), account.emailOnTicketChange(),
					account.emailOnTicketAssign(), Timestamps.toDb(now), newPasswordHash, id)
			.update();
	}

	void replaceQueues(long id, Set<Long> queueIds) {
		jdbc.sql("delete from account_queue where account_id = ?").param(id).update();
		for (Long queueId : queueIds) {
			jdbc.sql("insert into account_queue (account_id, queue_id) values (?, ?)").params(id, queueId).update();
		}
	}

	Preferences preferences(long id) {
		return jdbc.sql("select language, time_zone from account where id = ?").param(id)
			.query((rs, n) -> new Preferences(rs.getString(1), rs.getString(2))).optional()
			.orElse(new Preferences(null, null));
	}

	void savePreferences(long id, Preferences preferences) {
		jdbc.sql("update account set language = ?, time_zone = ? where id = ?")
			.params(preferences.language(), preferences.timeZone(), id).update();
	}

	void delete(long id) {
		jdbc.sql("delete from account where id = ?").param(id).update();
	}

	/**
	 * The queue limits of the account matching the condition, read before the account row and never from inside its
	 * row mapper: outside a transaction every query takes a pooled connection of its own, so a nested query holds
	 * two at once, and a burst of concurrent sign-ins starved the pool (30 s waits, then 500s).
	 */
	private Set<Long> queuesOf(String accountCondition, Object value) {
		return Set.copyOf(jdbc.sql("select queue_id from account_queue where account_id in (select id from account where "
				+ accountCondition + ")").param(value).query(Long.class).list());
	}

	private static Account map(ResultSet rs, Set<Long> queues) throws SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
				rs.getString("first_name"), rs.getString("last_name"), Role.fromCode(rs.getString("role")).orElseThrow(),
				rs.getBoolean("active"), queues, rs.getBoolean("all_queues"), rs.getBoolean("email_on_ticket_change"),
				rs.getBoolean("email_on_ticket_assign"));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
