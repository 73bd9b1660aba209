package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailThreadTest {

	private static final String ROOT = "<ticket-42@help.example.test>";

	@Test
	void theFirstMailOfATicketReferencesTheThreadRootAndAnswersNothing() {
		MailThread first = MailThread.of(ROOT).after(List.of());

		assertThat(first.references()).containsExactly(ROOT);
		assertThat(first.inReplyTo()).isEmpty();
		assertThat(first.autoSubmitted()).isEqualTo("auto-generated");
	}

	@Test
	void aLaterMailAnswersTheLatestEarlierMailAndReferencesTheFirstToo() {
		MailThread later = MailThread.of(ROOT).after(List.of("<first@h>", "<latest@h>"));

		assertThat(later.inReplyTo()).contains("<latest@h>");
		assertThat(later.references()).containsExactly(ROOT, "<first@h>", "<latest@h>");
	}

	@Test
	void aMailAnsweringInboundMailIsAutoRepliedAndAnswersThatMail() {
		MailThread answer = MailThread.of(ROOT).answering("abc.123@customer.example").after(List.of("<ours@h>"));

		assertThat(answer.autoSubmitted()).isEqualTo("auto-replied");
		assertThat(answer.inReplyTo()).contains("<abc.123@customer.example>");
		assertThat(answer.references()).containsExactly(ROOT, "<ours@h>", "<abc.123@customer.example>");
	}

	@Test
	void anInboundMessageIdThatIsNoPlainIdNeverReachesAHeader() {
		for (String hostile : List.of("<a@b>\r\nBcc: victim@example.test", "a b@c", "<<a@b>>", "", "x".repeat(300))) {
			MailThread answer = MailThread.of(ROOT).answering(hostile);

			assertThat(answer.inReplyTo()).as(hostile).isEmpty();
			assertThat(answer.references()).as(hostile).containsExactly(ROOT);
		}
	}

	@Test
	void theStoredFormGivesBackTheSameThread() {
		MailThread thread = MailThread.of(ROOT).answering("<in@x>").after(List.of("<a@h>", "<b@h>"));

		MailThread stored = MailThread.decode(thread.encodedRefs(), thread.answers().orElse(null));

		assertThat(stored).isEqualTo(thread);
		assertThat(MailThread.decode(null, null)).isEqualTo(new MailThread(null, List.of(), Optional.empty()));
		assertThat(MailThread.decode(null, null).references()).isEmpty();
	}
}
