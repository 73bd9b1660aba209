package org.helpdesk.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.core.InvalidInput;
import org.helpdesk.queue.Queue;
import org.helpdesk.queue.QueueManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way inbound mail changes the helpdesk, whatever brought it (a mailbox poller, a folder, HTTP push). Each
 * message is taken in once per queue, in one transaction: it claims its {@code inbound_message} row (a copy already
 * taken in is a {@code duplicate}), then is ignored, recorded, or threaded to a ticket or opens one (see
 * {@link MailDecisions}). The answer is given only after that transaction has committed, so a caller may then delete
 * the message from its source. A message that cannot be processed is kept in quarantine, in a transaction of its own
 * after the failed change was rolled back; it is never dropped.
 */
@Service
public class MailIngestion {

	private static final Logger log = LoggerFactory.getLogger(MailIngestion.class);

	private final MailParser parser;

	private final MailDecisions decisions;

	private final InboundMessages inbound;

	private final QuarantineStore quarantine;

	private final QueueManagement queues;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Map<IngestResult, Counter> taken = new EnumMap<>(IngestResult.class);

	MailIngestion(MailParser parser, MailDecisions decisions, InboundMessages inbound, QuarantineStore quarantine,
			QueueManagement queues, PlatformTransactionManager transactions, Clock clock, MeterRegistry registry) {
		this.parser = parser;
		this.decisions = decisions;
		this.inbound = inbound;
		this.quarantine = quarantine;
		this.queues = queues;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		for (IngestResult result : IngestResult.values()) {
			taken.put(result, Counter.builder("helpdesk.mail.inbound").tag("result", result.wireName())
				.description("Inbound messages taken in, by what became of them").register(registry));
		}
	}

	/**
	 * Takes one raw message in for the queue and answers after the change (if any) has committed. Throws
	 * {@link org.helpdesk.queue.QueueNotFound} for an unknown queue; every problem with the message itself ends in an
	 * outcome (quarantine at worst).
	 */
	public IngestOutcome ingest(long queueId, byte[] raw, MailSource source) {
		return ingest(queues.get(queueId), read(raw), source, null);
	}

	/** Takes a message in that {@link #read} parsed already. */
	IngestOutcome ingest(long queueId, Read read, MailSource source) {
		return ingest(queues.get(queueId), read, source, null);
	}

	/** Takes a quarantined message in again; it leaves quarantine once it was taken in (or found to be a copy). */
	IngestOutcome reprocess(QuarantineStore.Kept kept) {
		Queue queue = queues.get(kept.mail().queueId());
		return ingest(queue, read(kept.raw()), kept.mail().source(), kept.mail().id());
	}

	/** Parses a message (no database work, so several can be read at once); an unreadable one is quarantined later. */
	Read read(byte[] raw) {
		try {
			return new Read(raw, parser.parse(raw), null);
		}
		catch (RuntimeException unreadable) {
			return new Read(raw, null, "unreadable message: " + unreadable.getMessage());
		}
	}

	/** A raw message and what it says ({@code mail}), or why it cannot be read ({@code unreadable}). */
	record Read(byte[] raw, ParsedMail mail, String unreadable) {
	}

	private IngestOutcome ingest(Queue queue, Read read, MailSource source, Long quarantineId) {
		IngestOutcome outcome = process(queue, read, source, quarantineId);
		taken.get(outcome.result()).increment();
		return outcome;
	}

	private IngestOutcome process(Queue queue, Read read, MailSource source, Long quarantineId) {
		Instant now = clock.instant();
		byte[] raw = read.raw();
		ParsedMail mail = read.mail();
		if (mail == null) {
			return quarantine(queue, raw, source, null, MailText.syntheticMessageId(raw), read.unreadable(),
					quarantineId, now);
		}
		String messageId = mail.messageId() == null || mail.messageId().isBlank() ? MailText.syntheticMessageId(raw)
				: MailText.storableMessageId(mail.messageId());
		try {
			return transaction.execute(status -> takeIn(queue, mail, messageId, source, quarantineId, now));
		}
		catch (AlreadyTakenIn race) {
			return duplicateOf(queue.id(), messageId, quarantineId);
		}
		catch (SenderOverLimit flood) {
			return quarantine(queue, raw, source, mail, messageId, flood.getMessage(), quarantineId, now);
		}
		catch (InvalidInput invalid) {
			return quarantine(queue, raw, source, mail, messageId, "refused: " + invalid.getMessage(), quarantineId, now);
		}
		catch (RuntimeException failure) {
			log.warn("Inbound message {} for queue {} could not be processed; it is kept in quarantine", messageId,
					queue.slug(), failure);
			return quarantine(queue, raw, source, mail, messageId, "failed: " + describe(failure), quarantineId, now);
		}
	}

	private IngestOutcome takeIn(Queue queue, ParsedMail mail, String messageId, MailSource source, Long quarantineId,
			Instant now) {
		Optional<InboundMessages.Recorded> earlier = inbound.find(queue.id(), messageId);
		if (earlier.isPresent()) {
			dropFromQuarantine(quarantineId);
			return duplicate(earlier.get());
		}
		long row;
		try {
			row = inbound.claim(queue.id(), messageId, MailText.clip(mail.fromAddress(), 254), source, now);
		}
		catch (DataAccessException taken) {
			// the same message, taken in by another request or node at this moment: the rollback leaves it theirs
			throw new AlreadyTakenIn();
		}
		IngestOutcome outcome = decisions.decide(queue, mail, messageId, now);
		inbound.settle(row, outcome);
		dropFromQuarantine(quarantineId);
		return outcome;
	}

	private void dropFromQuarantine(Long quarantineId) {
		if (quarantineId != null) {
			quarantine.delete(quarantineId);
		}
	}

	private IngestOutcome duplicateOf(long queueId, String messageId, Long quarantineId) {
		Optional<InboundMessages.Recorded> earlier = transaction.execute(status -> {
			dropFromQuarantine(quarantineId);
			return inbound.find(queueId, messageId);
		});
		return earlier.map(MailIngestion::duplicate)
			.orElseGet(() -> IngestOutcome.duplicate(null, null, "taken in at the same moment by another delivery"));
	}

	private static IngestOutcome duplicate(InboundMessages.Recorded earlier) {
		return IngestOutcome.duplicate(earlier.ticketId(), earlier.followUpId(),
				"this Message-ID was already taken in for this queue (" + earlier.result().wireName() + ")");
	}

	private IngestOutcome quarantine(Queue queue, byte[] raw, MailSource source, ParsedMail mail, String messageId,
			String reason, Long quarantineId, Instant now) {
		if (quarantineId != null) {
			transaction.executeWithoutResult(status -> quarantine.updateReason(quarantineId, reason));
		}
		else {
			quarantine.keep(queue.id(), messageId, mail == null ? null : mail.fromAddress(),
					mail == null ? null : mail.subject(), reason, source, raw, now);
		}
		return IngestOutcome.quarantined(reason);
	}

	private static String describe(RuntimeException failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	/** The claim failed because the same message was taken in concurrently; nothing of this attempt is kept. */
	private static final class AlreadyTakenIn extends RuntimeException {

		AlreadyTakenIn() {
			super(null, null, false, false);
		}
	}
}
