package org.helpdesk.restapi;

import java.util.List;

import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserAdminController {

	private final AccountManagement accounts;

	UserAdminController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserBody create(@RequestBody UserBody body, @SignedIn Account admin) {
		return UserBody.of(accounts.create(body.newAccount(), admin));
	}

	@GetMapping
	List<UserBody> list() {
		return accounts.list().stream().map(UserBody::of).toList();
	}

	@GetMapping("/{id}")
	UserBody get(@PathVariable long id) {
		return UserBody.of(accounts.get(id));
	}

	@PatchMapping("/{id}")
	UserBody update(@PathVariable long id, @RequestBody UserBody body, @SignedIn Account admin) {
		return UserBody.of(accounts.update(id, body.changes(), admin));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @SignedIn Account admin) {
		accounts.delete(id, admin);
	}
}
