package org.helpdesk.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.core.AuditTrail;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.UniqueValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and removing accounts. Every change is audited.
 */
@Service
@Transactional
public class AccountManagement {

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SignedInSessions sessions;

	private final KnownQueues queues;

	private final ApiTokens apiTokens;

	AccountManagement(Accounts accounts, PasswordEncoder passwords, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, SignedInSessions sessions, KnownQueues queues, ApiTokens apiTokens) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.sessions = sessions;
		this.queues = queues;
		this.apiTokens = apiTokens;
	}

	@Transactional(readOnly = true)
	public Account get(long id) {
		return accounts.findById(id).orElseThrow(() -> new AccountNotFound(id));
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return accounts.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findActiveByUsername(String username) {
		return accounts.findActiveByUsername(username);
	}

	@Transactional(readOnly = true)
	public List<Account> list() {
		return accounts.findAll();
	}

	public Account create(NewAccount request, Account actor) {
		var problems = AccountRules.problems();
		AccountRules.username(request.username(), problems);
		AccountRules.password(request.password(), problems);
		AccountRules.email(request.email(), problems);
		AccountRules.name("first_name", request.firstName(), problems);
		AccountRules.name("last_name", request.lastName(), problems);
		Role role = AccountRules.role(request.role() == null ? "agent" : request.role(), problems);
		Set<Long> queues = request.queueIds() == null ? Set.of() : request.queueIds();
		AccountRules.queueAccess(request.allQueues(), queues, problems);
		checkQueues(queues, problems);
		if (problems.isEmpty() && accounts.existsByUsername(request.username())) {
			problems.add(new FieldProblem("username", "is already taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = UniqueValues.insert(() -> accounts.insert(request, role.code(), passwords.encode(request.password()),
				clock.instant()), "username", "is already taken");
		accounts.replaceQueues(id, queues);
		audit.record(actorId(actor), actorName(actor), "account.created", "user " + request.username(),
				"role " + role.code());
		return get(id);
	}

	/**
	 * Changes an account. When it loses access (deactivated, demoted, renamed, a new password) every session and
	 * remember-me token of it ends, except the session of a person changing their own account; when it loses rights
	 * (deactivated, demoted) its API tokens are revoked too. Deleting an account deletes its tokens with it.
	 */
	public Account update(long id, AccountChanges changes, Account actor) {
		Account current = get(id);
		Role role = checked(current, changes);
		Account next = AccountRules.applied(current, changes, role);
		if (current.isAdmin() && !next.isAdmin()) {
			requireAnotherAdmin(id);
		}
		UniqueValues.update(() -> accounts.update(id, next,
				changes.password() == null ? null : passwords.encode(changes.password()), clock.instant()),
				"username", "is already taken");
		if (!next.queueIds().equals(current.queueIds())) {
			accounts.replaceQueues(id, next.queueIds());
		}
		events.publishEvent(new AccountCredentialsChanged(id));
		if (AccountRules.losesAccess(current, next, changes)) {
			sessions.endAll(current.username(), actor != null && actor.id() == id);
		}
		if (AccountRules.losesRights(current, next)) {
			apiTokens.deleteAllOf(id);
		}
		audit.record(actorId(actor), actorName(actor), "account.changed", "user " + next.username(),
				AccountChangeText.of(current, next, changes.password() != null));
		return get(id);
	}

	public void delete(long id, Account actor) {
		Account current = get(id);
		if (current.isAdmin()) {
			requireAnotherAdmin(id);
		}
		accounts.delete(id);
		events.publishEvent(new AccountCredentialsChanged(id));
		sessions.endAll(current.username(), false);
		audit.record(actorId(actor), actorName(actor), "account.deleted", "user " + current.username(), null);
	}

	@Transactional(readOnly = true)
	public Preferences preferences(long id) {
		return accounts.preferences(id);
	}

	public void savePreferences(long id, Preferences preferences) {
		var problems = AccountRules.problems();
		if (preferences.language() != null && !java.util.Set.of("en", "de").contains(preferences.language())) {
			problems.add(new FieldProblem("language", "must be en or de"));
		}
		if (preferences.timeZone() != null && !java.time.ZoneId.getAvailableZoneIds().contains(preferences.timeZone())) {
			problems.add(new FieldProblem("time_zone", "is not a known time zone"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		accounts.savePreferences(get(id).id(), preferences);
	}

	/** Changes one's own password after checking the current one. */
	public void changeOwnPassword(long id, String current, String next) {
		var stored = accounts.findStoredById(id).orElseThrow(() -> new AccountNotFound(id));
		if (current == null || !passwords.matches(current, stored.passwordHash())) {
			throw new InvalidInput("current_password", "is not your current password");
		}
		update(id, AccountChanges.password(next), stored.account());
	}

	/** Creates the first administrator when there are no accounts at all; false when there already were some. */
	boolean createFirstAdmin(String username, String password) {
		if (!accounts.isEmpty()) {
			return false;
		}
		create(new NewAccount(username, password, null, null, null, "admin", Set.of(), true, true), null);
		return true;
	}

	/** The role the account will have; throws when a change is not acceptable. */
	private Role checked(Account current, AccountChanges changes) {
		var problems = AccountRules.problems();
		if (changes.username() != null) {
			AccountRules.username(changes.username(), problems);
		}
		if (changes.password() != null) {
			AccountRules.password(changes.password(), problems);
		}
		AccountRules.email(changes.email(), problems);
		AccountRules.name("first_name", changes.firstName(), problems);
		AccountRules.name("last_name", changes.lastName(), problems);
		Role role = changes.role() == null ? current.role() : AccountRules.role(changes.role(), problems);
		if (changes.queueIds() != null) {
			AccountRules.queueAccess(Boolean.TRUE.equals(changes.allQueues()), changes.queueIds(), problems);
			checkQueues(changes.queueIds(), problems);
		}
		if (problems.isEmpty() && changes.username() != null && !changes.username().equals(current.username())
				&& accounts.existsByUsername(changes.username())) {
			problems.add(new FieldProblem("username", "is already taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return role;
	}

	private void requireAnotherAdmin(long id) {
		// locked: of two concurrent demotions, the second waits for the first to commit and then no longer counts it
		boolean another = accounts.lockActiveAdministrators().stream().anyMatch(admin -> admin != id);
		if (!another) {
			throw new LastAdministrator();
		}
	}

	private void checkQueues(Set<Long> queueIds, List<FieldProblem> problems) {
		Set<Long> missing = queues.missing(queueIds);
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem("queues", "unknown queue ids " + missing));
		}
	}

	private static Long actorId(Account actor) {
		return actor == null ? null : actor.id();
	}

	private static String actorName(Account actor) {
		return actor == null ? "system" : actor.username();
	}
}
