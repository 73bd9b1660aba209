package org.helpdesk.restapi;

import java.util.List;

import org.helpdesk.inbox.ConnectionCheck;
import org.helpdesk.inbox.Mailboxes;
import org.helpdesk.queue.QueueManagement;
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
@RequestMapping("/api/v1/queues")
class QueueAdminController {

	private final QueueManagement queues;

	private final Mailboxes mailboxes;

	QueueAdminController(QueueManagement queues, Mailboxes mailboxes) {
		this.queues = queues;
		this.mailboxes = mailboxes;
	}

	/** Connects to the queue's mailbox with its saved settings: {@code {"ok": true, "messages": n}} or the reason. */
	@PostMapping("/{id}/mailbox/test")
	ConnectionCheck testMailbox(@PathVariable long id) {
		return mailboxes.test(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	QueueBody create(@RequestBody QueueBody body) {
		return QueueBody.of(queues.create(body.draft()));
	}

	@GetMapping
	List<QueueBody> list() {
		return queues.list().stream().map(QueueBody::of).toList();
	}

	@GetMapping("/{id}")
	QueueBody get(@PathVariable long id) {
		return QueueBody.of(queues.get(id));
	}

	@PatchMapping("/{id}")
	QueueBody update(@PathVariable long id, @RequestBody QueueBody body) {
		return QueueBody.of(queues.update(id, body.draft()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		queues.delete(id);
	}
}
