package org.helpdesk.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;

/**
 * What makes account fields acceptable; shared by creation and partial updates.
 */
final class AccountRules {

	static final int MIN_PASSWORD = 8;

	// BCrypt reads at most 72 bytes; a longer password would be silently cut.
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}.@+_-]{1,150}");

	private AccountRules() {
	}

	static void username(String value, List<FieldProblem> problems) {
		if (Input.isBlank(value)) {
			problems.add(new FieldProblem("username", "is required"));
		}
		else if (Input.isDamaged(value) || !USERNAME.matcher(value).matches()) {
			problems.add(new FieldProblem("username",
					"must be 1-150 letters, digits or . @ + _ - characters"));
		}
	}

	static void password(String value, List<FieldProblem> problems) {
		if (value == null || value.length() < MIN_PASSWORD) {
			problems.add(new FieldProblem("password", "must be at least " + MIN_PASSWORD + " characters"));
		}
		else if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes"));
		}
		else if (Input.isDamaged(value)) {
			problems.add(new FieldProblem("password", "is not valid UTF-8 text"));
		}
	}

	static void email(String value, List<FieldProblem> problems) {
		if (value != null && !value.isEmpty() && !Input.isEmailAddress(value)) {
			problems.add(new FieldProblem("email", "is not a valid e-mail address"));
		}
	}

	static void name(String field, String value, List<FieldProblem> problems) {
		FieldProblem problem = Input.checkText(field, value, 150, false);
		if (problem != null) {
			problems.add(problem);
		}
	}

	static Role role(String value, List<FieldProblem> problems) {
		var role = Role.fromCode(value);
		if (role.isEmpty()) {
			problems.add(new FieldProblem("role", "must be one of admin, agent, user"));
		}
		return role.orElse(null);
	}

	static void queueAccess(boolean allQueues, Set<Long> queueIds, List<FieldProblem> problems) {
		if (allQueues && !queueIds.isEmpty()) {
			problems.add(new FieldProblem("queues", "must be empty when all_queues is true"));
		}
	}

	/**
	 * The account after a checked change. A queue list without {@code allQueues} limits the account to those queues;
	 * with all queues the list is empty.
	 */
	static Account applied(Account current, AccountChanges changes, Role role) {
		boolean allQueues = changes.allQueues() != null ? changes.allQueues()
				: changes.queueIds() == null && current.allQueues();
		Set<Long> queues = allQueues ? Set.of()
				: changes.queueIds() != null ? Set.copyOf(changes.queueIds()) : current.queueIds();
		return new Account(current.id(), or(changes.username(), current.username()),
				changes.email() == null ? current.email() : emptyToNull(changes.email()),
				or(changes.firstName(), current.firstName()), or(changes.lastName(), current.lastName()), role,
				changes.active() == null ? current.active() : changes.active(), queues, allQueues,
				changes.emailOnTicketChange() == null ? current.emailOnTicketChange() : changes.emailOnTicketChange(),
				changes.emailOnTicketAssign() == null ? current.emailOnTicketAssign() : changes.emailOnTicketAssign());
	}

	// a renamed account loses its remember-me tokens too: they name the old username, which someone may take next
	static boolean losesAccess(Account before, Account after, AccountChanges changes) {
		return changes.password() != null || (before.active() && !after.active())
				|| after.role().isBelow(before.role()) || !after.username().equals(before.username());
	}

	// API tokens name no username and no password, so a rename or a new password leaves them; fewer rights end them
	static boolean losesRights(Account before, Account after) {
		return (before.active() && !after.active()) || after.role().isBelow(before.role());
	}

	private static String or(String value, String fallback) {
		return value == null ? fallback : value;
	}

	private static String emptyToNull(String value) {
		return value.isBlank() ? null : value;
	}

	static List<FieldProblem> problems() {
		return new ArrayList<>();
	}
}
