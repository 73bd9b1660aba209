package org.helpdesk.account;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for remember-me cookies (password checks go through {@link Authenticator}).
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
			.map(stored -> new AccountPrincipal(stored.account(), stored.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
