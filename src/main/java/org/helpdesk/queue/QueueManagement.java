package org.helpdesk.queue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.core.AfterCommit;
import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.core.UniqueValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting queues up and looking them up.
 */
@Service
@Transactional
public class QueueManagement {

	private final Queues queues;

	private final QueueContents contents;

	private final AccountManagement accounts;

	// Every ticket write looks its queue up, often twice (the change and its notifications). Queues change rarely;
	// another node's change is seen here within the expiry, this node's at once.
	private final Cache<Long, Optional<Queue>> byId = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(10_000)
		.build();

	// Mail pushed over HTTP, the legacy API and the JSON API name a queue by its slug on every request: the id it
	// stands for, under the same rule (a slug's queue is then read through the cache above).
	private final Cache<String, Optional<Long>> idBySlug = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(10_000)
		.build();

	// The public form shows these on every visit (reading every queue was 7 % of its CPU): the same expiry as above,
	// and this node's changes forget them once they commit.
	private final Cache<Boolean, List<Queue>> publicOnes = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.maximumSize(1)
		.build();

	private final MailboxPasswords passwords;

	QueueManagement(Queues queues, QueueContents contents, AccountManagement accounts, MailboxPasswords passwords) {
		this.queues = queues;
		this.contents = contents;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	/**
	 * The mailbox password in clear, for the poller and the connection test only; empty when none is stored.
	 *
	 * @throws MailboxPasswordUnreadable when it was encrypted with another key
	 */
	@Transactional(readOnly = true)
	public Optional<String> mailboxPassword(long queueId) {
		return queues.mailboxPassword(queueId).map(passwords::decrypt);
	}

	/**
	 * A queue by id. This and the other look-ups by id or slug start no transaction of their own (their transaction
	 * interceptors were most of their cost): a cached answer needs none, and a fresh one is a single query.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Queue get(long id) {
		return find(id).orElseThrow(() -> new QueueNotFound(id));
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Queue> find(long id) {
		return byId.get(id, queues::findById);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<Queue> findBySlug(String slug) {
		if (slug.length() > QueueRules.MAX_SLUG) {
			return Optional.empty(); // no such queue, and the cache keeps no caller's megabytes
		}
		return idBySlug.get(slug, key -> queues.findBySlug(key).map(Queue::id)).flatMap(this::find);
	}

	/** The queues that accept tickets from anyone, ordered by title; no transaction of its own, as above. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<Queue> publicQueues() {
		return publicOnes.get(Boolean.TRUE,
				key -> queues.findAll().stream().filter(Queue::allowPublicSubmission).toList());
	}

	/** All queues, ordered by title. */
	@Transactional(readOnly = true)
	public List<Queue> list() {
		// not cached: work that must see every queue (an escalation cycle on another node) reads it fresh
		return queues.findAll();
	}

	public Queue create(QueueDraft draft) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		Mailbox mailbox = MailboxChanges.apply(Mailbox.NONE, draft.mailbox(), MailboxChanges.bringsPassword(draft.mailbox()), problems);
		Queue queue = new Queue(0, trim(draft.title()), draft.slug(), blankToNull(draft.emailAddress()),
				blankToNull(draft.newTicketCc()), blankToNull(draft.updatedTicketCc()), draft.escalateDays(),
				Boolean.TRUE.equals(draft.allowPublicSubmission()), Boolean.TRUE.equals(draft.allowEmailSubmission()),
				draft.defaultOwnerId(), blankToNull(draft.locale()), mailbox);
		validate(queue, null, draft.mailbox(), problems);
		long id = UniqueValues.insert(() -> queues.insert(queue), "slug", "is already used by another queue");
		storePassword(id, draft.mailbox());
		forget(id);
		return get(id);
	}

	public Queue update(long id, QueueDraft draft) {
		Queue current = get(id);
		List<FieldProblem> problems = new java.util.ArrayList<>();
		Mailbox mailbox = MailboxChanges.apply(current.mailbox(), draft.mailbox(), MailboxChanges.bringsPassword(draft.mailbox()), problems);
		Queue next = new Queue(id, draft.title() == null ? current.title() : trim(draft.title()),
				or(draft.slug(), current.slug()),
				draft.emailAddress() == null ? current.emailAddress() : blankToNull(draft.emailAddress()),
				draft.newTicketCc() == null ? current.newTicketCc() : blankToNull(draft.newTicketCc()),
				draft.updatedTicketCc() == null ? current.updatedTicketCc() : blankToNull(draft.updatedTicketCc()),
				draft.escalateDays() == null ? current.escalateDays() : draft.escalateDays(),
				draft.allowPublicSubmission() == null ? current.allowPublicSubmission() : draft.allowPublicSubmission(),
				draft.allowEmailSubmission() == null ? current.allowEmailSubmission() : draft.allowEmailSubmission(),
				// null keeps the owner, 0 removes it
				draft.defaultOwnerId() == null ? current.defaultOwnerId()
						: draft.defaultOwnerId() == 0 ? null : draft.defaultOwnerId(),
				draft.locale() == null ? current.locale() : blankToNull(draft.locale()), mailbox);
		validate(next, current.defaultOwnerId(), draft.mailbox(), problems);
		UniqueValues.update(() -> queues.update(next), "slug", "is already used by another queue");
		storePassword(id, draft.mailbox());
		forget(id);
		return get(id);
	}

	public void delete(long id) {
		Queue queue = get(id);
		if (contents.hasTickets(id)) {
			throw new QueueHasTickets(queue.slug());
		}
		queues.delete(id);
		forget(id);
	}

	/**
	 * Forgets what this node cached of the queue, now for this transaction's reads and again after the commit: a read
	 * on another thread before the commit sees, and caches, the queue as it was.
	 */
	private void forget(long id) {
		byId.invalidate(id);
		idBySlug.invalidateAll();
		AfterCommit.run(() -> {
			byId.invalidate(id);
			idBySlug.invalidateAll();
			publicOnes.invalidateAll();
		});
	}

	/** An owner who was already set and has since left is not held against unrelated edits. */
	private void validate(Queue queue, Long previousOwner, MailboxDraft mailbox, List<FieldProblem> problems) {
		problems.addAll(QueueRules.check(queue));
		if (MailboxChanges.bringsPassword(mailbox) && MailboxRules.checkPassword(mailbox.password()) != null) {
			problems.add(MailboxRules.checkPassword(mailbox.password()));
		}
		if (problems.isEmpty() && queues.slugTaken(queue.slug(), queue.id())) {
			problems.add(new FieldProblem("slug", "is already used by another queue"));
		}
		if (queue.defaultOwnerId() != null && !queue.defaultOwnerId().equals(previousOwner)
				&& accounts.find(queue.defaultOwnerId()).filter(Account::isStaff).isEmpty()) {
			problems.add(new FieldProblem("default_owner", "must be the id of an active agent"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private void storePassword(long id, MailboxDraft mailbox) {
		if (MailboxChanges.bringsPassword(mailbox)) {
			queues.setMailboxPassword(id, passwords.encrypt(mailbox.password()));
		}
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static String or(String value, String fallback) {
		return value == null ? fallback : value;
	}
}
