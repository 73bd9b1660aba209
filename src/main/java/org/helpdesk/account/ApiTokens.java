package org.helpdesk.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.helpdesk.core.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rows of personal API tokens; the secret only as its hash.
 */
@Repository
class ApiTokens {

	private static final String COLUMNS = "id, token_key, name, scopes, created, expires, last_used";

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What a request's token is checked against, with its owner's active flag and version read in the same indexed
	 * read, so that a change to the account on any node applies to the next request.
	 */
	record Presented(long id, long accountId, String secretHash, Set<ApiScope> scopes, Optional<Instant> expires,
			Optional<Instant> lastUsed, boolean accountActive, int accountVersion) {
	}

	long insert(long accountId, String key, String secretHash, String name, Set<ApiScope> scopes, Instant created,
			Optional<Instant> expires) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into api_token (account_id, token_key, secret_hash, name, scopes, created, expires)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(accountId, key, secretHash, name, codes(scopes), Timestamps.toDb(created),
					Timestamps.toDb(expires.orElse(null)))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	List<ApiToken> findByAccount(long accountId) {
		return jdbc.sql("select " + COLUMNS + " from api_token where account_id = ? order by created desc, id desc")
			.param(accountId).query((rs, n) -> map(rs)).list();
	}

	Optional<ApiToken> find(long id, long accountId) {
		return jdbc.sql("select " + COLUMNS + " from api_token where id = ? and account_id = ?")
			.params(id, accountId).query((rs, n) -> map(rs)).optional();
	}

	int countByAccount(long accountId) {
		return jdbc.sql("select count(*) from api_token where account_id = ?").param(accountId)
			.query(Integer.class).single();
	}

	Optional<Presented> findPresented(String key) {
		return jdbc.sql("""
				select t.id, t.account_id, t.secret_hash, t.scopes, t.expires, t.last_used, a.active,
				  a.credentials_version
				from api_token t join account a on a.id = t.account_id
				where t.token_key = ?""")
			.param(key)
			.query((rs, n) -> new Presented(rs.getLong("id"), rs.getLong("account_id"), rs.getString("secret_hash"),
					scopes(rs.getString("scopes")), Optional.ofNullable(Timestamps.fromDb(rs, "expires")),
					Optional.ofNullable(Timestamps.fromDb(rs, "last_used")), rs.getBoolean("active"),
					rs.getInt("credentials_version")))
			.optional();
	}

	/** Notes the use unless another request (on any node) noted one after {@code unless}. */
	void markUsed(long id, Instant now, Instant unless) {
		jdbc.sql("update api_token set last_used = ? where id = ? and (last_used is null or last_used < ?)")
			.params(Timestamps.toDb(now), id, Timestamps.toDb(unless)).update();
	}

	boolean delete(long id, long accountId) {
		return jdbc.sql("delete from api_token where id = ? and account_id = ?").params(id, accountId).update() > 0;
	}

	int deleteAllOf(long accountId) {
		return jdbc.sql("delete from api_token where account_id = ?").param(accountId).update();
	}

	private static ApiToken map(ResultSet rs) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), ApiTokenValues.prefix(rs.getString("token_key")),
				scopes(rs.getString("scopes")), Timestamps.fromDb(rs, "created"),
				Optional.ofNullable(Timestamps.fromDb(rs, "expires")),
				Optional.ofNullable(Timestamps.fromDb(rs, "last_used")));
	}

	private static String codes(Set<ApiScope> scopes) {
		return scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(","));
	}

	private static Set<ApiScope> scopes(String codes) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		Arrays.stream(codes.split(",")).map(ApiScope::fromCode).flatMap(Optional::stream).forEach(scopes::add);
		return scopes;
	}
}
