package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.notification.MailTemplate.ESCALATED_CC;
import static org.helpdesk.notification.MailTemplate.ESCALATED_OWNER;
import static org.helpdesk.notification.MailTemplate.ESCALATED_SUBMITTER;

import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.Role;
import org.helpdesk.notification.RecipientRules.Parties;
import org.junit.jupiter.api.Test;

/**
 * Who hears of an escalation (§7.5 G): customers get the customer's mail without a staff link, staff the staff mail;
 * the owner whatever their preferences; never the queue's own address.
 */
class EscalationRecipientsTest {

	@Test
	void submitterAndCcsGetTheCustomerMailQueueCcsAndTheOwnerTheStaffMail() {
		Account owner = new Account(7, "owner", "owner@example.test", "", "", Role.AGENT, true, Set.of(), true, false,
				false);
		Parties parties = new Parties("sub@example.test", List.of("cc@example.test", "queue@example.test"),
				List.of("new@example.test"), List.of("upd@example.test"), "queue@example.test", owner, null, null);

		assertThat(RecipientRules.escalated(parties)).containsExactly(
				new Recipient(ESCALATED_SUBMITTER, "sub@example.test"),
				new Recipient(ESCALATED_SUBMITTER, "cc@example.test"), new Recipient(ESCALATED_CC, "upd@example.test"),
				new Recipient(ESCALATED_OWNER, "owner@example.test"));
		assertThat(ESCALATED_SUBMITTER.isForStaff()).isFalse();
		assertThat(ESCALATED_CC.isForStaff()).isTrue();
	}
}
