package org.helpdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.notification.MailTemplate.ASSIGNED_CC;
import static org.helpdesk.notification.MailTemplate.ASSIGNED_OWNER;
import static org.helpdesk.notification.MailTemplate.CLOSED_CC;
import static org.helpdesk.notification.MailTemplate.CLOSED_OWNER;
import static org.helpdesk.notification.MailTemplate.CLOSED_SUBMITTER;
import static org.helpdesk.notification.MailTemplate.MERGED;
import static org.helpdesk.notification.MailTemplate.NEWTICKET_CC;
import static org.helpdesk.notification.MailTemplate.NEWTICKET_SUBMITTER;
import static org.helpdesk.notification.MailTemplate.RESOLVED_CC;
import static org.helpdesk.notification.MailTemplate.RESOLVED_OWNER;
import static org.helpdesk.notification.MailTemplate.RESOLVED_SUBMITTER;
import static org.helpdesk.notification.MailTemplate.UPDATED_CC;
import static org.helpdesk.notification.MailTemplate.UPDATED_OWNER;
import static org.helpdesk.notification.MailTemplate.UPDATED_SUBMITTER;

import java.util.List;
import java.util.Set;

import org.helpdesk.account.Account;
import org.helpdesk.account.Role;
import org.helpdesk.notification.RecipientRules.Parties;
import org.helpdesk.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

class RecipientRulesTest {

	private static final Account OWNER = agent(7, "owner@example.test", true, true);

	private static final Account ACTOR = agent(8, "actor@example.test", true, true);

	@Test
	void newTicketMailsSubmitterQueueCcsAndOwner() {
		assertThat(RecipientRules.opened(parties("sub@example.test", OWNER, ACTOR))).containsExactly(
				new Recipient(NEWTICKET_SUBMITTER, "sub@example.test"), new Recipient(NEWTICKET_CC, "new@example.test"),
				new Recipient(NEWTICKET_CC, "upd@example.test"), new Recipient(ASSIGNED_OWNER, "owner@example.test"));
	}

	@Test
	void ownerWhoTurnedAssignmentMailOffIsNotMailedANewTicket() {
		Account owner = agent(7, "owner@example.test", true, false);
		assertThat(addresses(RecipientRules.opened(parties("sub@example.test", owner, ACTOR))))
			.doesNotContain("owner@example.test");
	}

	@Test
	void ownerWhoOpenedTheTicketIsNotMailedAboutIt() {
		assertThat(addresses(RecipientRules.opened(parties("sub@example.test", OWNER, OWNER))))
			.containsExactly("sub@example.test", "new@example.test", "upd@example.test");
	}

	@Test
	void ownerWithoutAddressOrInactiveIsSkipped() {
		Account noMail = agent(7, null, true, true);
		Account inactive = new Account(7, "gone", "gone@example.test", "", "", Role.AGENT, false, Set.of(), true, true, true);
		assertThat(RecipientRules.opened(parties(null, noMail, ACTOR))).hasSize(2);
		assertThat(RecipientRules.opened(parties(null, inactive, ACTOR))).hasSize(2);
	}

	@Test
	void addressInSeveralRolesIsMailedOnceInTheFirstRole() {
		Parties parties = new Parties("Same@Example.test", List.of(), List.of("same@example.test", "x@example.test"),
				List.of("X@example.test "), null, agent(7, "SAME@example.test", true, true), 8L, null);
		assertThat(RecipientRules.opened(parties)).containsExactly(
				new Recipient(NEWTICKET_SUBMITTER, "Same@Example.test"), new Recipient(NEWTICKET_CC, "x@example.test"));
	}

	@Test
	void actorIsNeverMailedAboutTheirOwnAction() {
		Parties parties = new Parties("actor@example.test", List.of("ACTOR@example.test"), List.of(),
				List.of("actor@example.test"), null, null, ACTOR.id(), ACTOR.email());
		assertThat(RecipientRules.opened(parties)).isEmpty();
		assertThat(RecipientRules.commented(parties, true)).isEmpty();
		assertThat(RecipientRules.resolved(parties)).isEmpty();
	}

	@Test
	void queueOwnAddressNeverGetsMail() {
		Parties parties = new Parties("queue@example.test", List.of("queue@example.test"),
				List.of("Queue@example.test"), List.of(), "queue@example.test", null, null, null);
		assertThat(RecipientRules.opened(parties)).isEmpty();
		assertThat(RecipientRules.resolved(parties)).isEmpty();
	}

	@Test
	void publicFollowUpMailsSubmitterTicketCcsQueueCcAndOwner() {
		assertThat(RecipientRules.commented(parties("sub@example.test", OWNER, ACTOR), true)).containsExactly(
				new Recipient(UPDATED_SUBMITTER, "sub@example.test"), new Recipient(UPDATED_SUBMITTER, "cc@example.test"),
				new Recipient(UPDATED_CC, "upd@example.test"), new Recipient(UPDATED_OWNER, "owner@example.test"));
	}

	@Test
	void privateFollowUpIsNotMailedToSubmitterOrTicketCcs() {
		assertThat(RecipientRules.commented(parties("sub@example.test", OWNER, ACTOR), false)).containsExactly(
				new Recipient(UPDATED_CC, "upd@example.test"), new Recipient(UPDATED_OWNER, "owner@example.test"));
	}

	@Test
	void ownerWhoTurnedChangeMailOffHearsNothingOfUpdatesOrResolution() {
		Account owner = agent(7, "owner@example.test", false, true);
		assertThat(addresses(RecipientRules.commented(parties("sub@example.test", owner, ACTOR), true)))
			.doesNotContain("owner@example.test");
		assertThat(addresses(RecipientRules.resolved(parties("sub@example.test", owner, ACTOR))))
			.doesNotContain("owner@example.test");
	}

	@Test
	void resolutionMailsSubmitterTicketCcsQueueCcAndOwner() {
		assertThat(RecipientRules.resolved(parties("sub@example.test", OWNER, ACTOR))).containsExactly(
				new Recipient(RESOLVED_SUBMITTER, "sub@example.test"),
				new Recipient(RESOLVED_SUBMITTER, "cc@example.test"), new Recipient(RESOLVED_CC, "upd@example.test"),
				new Recipient(RESOLVED_OWNER, "owner@example.test"));
	}

	@Test
	void newTicketCcListIsNotMailedAboutUpdates() {
		assertThat(addresses(RecipientRules.commented(parties("sub@example.test", null, null), false)))
			.containsExactly("upd@example.test");
	}

	@Test
	void reassignmentTellsCustomersOnlyOfTheCommentAndTheOwnerOfTheAssignment() {
		assertThat(RecipientRules.updated(parties("sub@example.test", OWNER, ACTOR), true, true, null, true))
			.containsExactly(new Recipient(UPDATED_SUBMITTER, "sub@example.test"),
					new Recipient(UPDATED_SUBMITTER, "cc@example.test"), new Recipient(ASSIGNED_CC, "upd@example.test"),
					new Recipient(ASSIGNED_OWNER, "owner@example.test"));
	}

	@Test
	void newOwnerWhoOnlyWantsAssignmentMailIsToldOfTheAssignmentButNotOfUpdates() {
		Account owner = agent(7, "owner@example.test", false, true);
		assertThat(RecipientRules.updated(parties(null, owner, ACTOR), false, true, null, false))
			.contains(new Recipient(ASSIGNED_OWNER, "owner@example.test"));
		assertThat(addresses(RecipientRules.updated(parties(null, owner, ACTOR), false, false, null, true)))
			.doesNotContain("owner@example.test");
	}

	@Test
	void closingMailsEveryoneTheClosedTemplates() {
		assertThat(RecipientRules.updated(parties("sub@example.test", OWNER, ACTOR), true, false,
				TicketStatus.CLOSED, false)).containsExactly(new Recipient(CLOSED_SUBMITTER, "sub@example.test"),
						new Recipient(CLOSED_SUBMITTER, "cc@example.test"), new Recipient(CLOSED_CC, "upd@example.test"),
						new Recipient(CLOSED_OWNER, "owner@example.test"));
	}

	@Test
	void resolvingThroughAnUpdateMailsTheResolvedTemplates() {
		assertThat(RecipientRules.updated(parties("sub@example.test", OWNER, ACTOR), true, false,
				TicketStatus.RESOLVED, false)).extracting(Recipient::template)
			.containsExactly(RESOLVED_SUBMITTER, RESOLVED_SUBMITTER, RESOLVED_CC, RESOLVED_OWNER);
	}

	@Test
	void privateUpdateNeverReachesSubmitterOrTicketCcs() {
		assertThat(RecipientRules.updated(parties("sub@example.test", OWNER, ACTOR), false, false,
				TicketStatus.CLOSED, true)).containsExactly(new Recipient(CLOSED_CC, "upd@example.test"),
						new Recipient(CLOSED_OWNER, "owner@example.test"));
	}

	@Test
	void publicChangeWithoutCommentOrEndIsNotMailedToTheSubmitter() {
		assertThat(addresses(RecipientRules.updated(parties("sub@example.test", OWNER, ACTOR), true, false,
				TicketStatus.OPEN, false))).containsExactly("upd@example.test", "owner@example.test");
	}

	@Test
	void actorIsNeverMailedAboutTheirOwnUpdate() {
		Parties parties = new Parties("actor@example.test", List.of("ACTOR@example.test"), List.of(),
				List.of("actor@example.test"), null, ACTOR, ACTOR.id(), ACTOR.email());
		assertThat(RecipientRules.updated(parties, true, true, TicketStatus.CLOSED, true)).isEmpty();
	}

	@Test
	void customerActionsMailOwnerAndQueueCcButNotTheCustomer() {
		Parties parties = new Parties("sub@example.test", List.of("cc@example.test"), List.of("new@example.test"),
				List.of("upd@example.test", "SUB@example.test"), "queue@example.test", OWNER, null, "sub@example.test");
		assertThat(RecipientRules.customerActed(parties, false)).containsExactly(
				new Recipient(UPDATED_CC, "upd@example.test"), new Recipient(UPDATED_OWNER, "owner@example.test"));
		assertThat(RecipientRules.customerActed(parties, true)).containsExactly(
				new Recipient(CLOSED_CC, "upd@example.test"), new Recipient(CLOSED_OWNER, "owner@example.test"));
	}

	@Test
	void mergeMailsTheMergedTicketsSubmitterAndItsCcsButNobodyWhenThereIsNoSubmitter() {
		assertThat(RecipientRules.merged(parties("sub@example.test", OWNER, ACTOR)))
			.containsExactly(new Recipient(MERGED, "sub@example.test"), new Recipient(MERGED, "cc@example.test"));
		assertThat(RecipientRules.merged(parties(null, OWNER, ACTOR))).isEmpty();
	}

	private static Parties parties(String submitter, Account owner, Account actor) {
		return new Parties(submitter, List.of("cc@example.test"), List.of("new@example.test"),
				List.of("upd@example.test"), "queue@example.test", owner, actor == null ? null : actor.id(),
				actor == null ? null : actor.email());
	}

	private static Account agent(long id, String email, boolean onChange, boolean onAssign) {
		return new Account(id, "agent" + id, email, "", "", Role.AGENT, true, Set.of(), true, onChange, onAssign);
	}

	private static List<String> addresses(List<Recipient> recipients) {
		return recipients.stream().map(Recipient::address).toList();
	}
}
