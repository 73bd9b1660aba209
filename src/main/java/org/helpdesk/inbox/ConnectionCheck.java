package org.helpdesk.inbox;

/**
 * The answer of a mailbox connection test: it worked and this many messages wait, or why it did not (never with the
 * password or a stack trace). Serializable, as a flash attribute lives in the web session table.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ConnectionCheck(boolean ok, Integer messages, String reason) implements java.io.Serializable {

	static ConnectionCheck worked(int messages) {
		return new ConnectionCheck(true, messages, null);
	}

	static ConnectionCheck failed(String reason) {
		return new ConnectionCheck(false, null, reason);
	}
}
