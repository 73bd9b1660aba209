package org.helpdesk.account;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for sign-in and remember-me cookies (password checks go through {@link Authenticator}), and keeps
 * a signed-in account current.
 */
@Service
public class AccountDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public AccountPrincipal loadUserByUsername(String username) {
		return accounts.findStoredByUsername(username)
			.map(stored -> new AccountPrincipal(stored.account(), stored.credentialsVersion()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	/**
	 * The signed-in account as it is now: the same principal while its version has not moved (one small query), a
	 * re-read one when it has, empty when the account is gone or inactive.
	 */
	Optional<AccountPrincipal> current(AccountPrincipal signedIn) {
		long id = signedIn.account().id();
		Optional<Integer> version = accounts.activeVersion(id);
		if (version.isEmpty() || version.get() == signedIn.version()) {
			return version.map(unchanged -> signedIn);
		}
		return accounts.findStoredById(id)
			.filter(stored -> stored.account().active())
			.map(stored -> new AccountPrincipal(stored.account(), stored.credentialsVersion()));
	}
}
