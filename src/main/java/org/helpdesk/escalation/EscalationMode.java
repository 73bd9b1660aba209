package org.helpdesk.escalation;

/**
 * What a cycle does with a due ticket: escalate it (priority, history, mail), or only tell people it waits.
 */
public enum EscalationMode {
	ESCALATE, NOTIFY_ONLY
}
