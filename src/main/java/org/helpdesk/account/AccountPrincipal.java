package org.helpdesk.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account as Spring Security holds it, with the version of the account it was read at. Every request
 * compares that version with the stored one (see {@link CurrentAccountFilter}) and re-reads the account when it
 * moved, so role, queue and active changes apply at once. No password hash: sessions are database rows, and
 * remember-me tokens are random values checked against their own table.
 */
public record AccountPrincipal(Account account, int version) implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()));
	}

	@Override
	public String getPassword() {
		return "";
	}

	@Override
	public String getUsername() {
		return account.username();
	}

	@Override
	public boolean isEnabled() {
		return account.active();
	}
}
