package org.helpdesk.queue;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.helpdesk.core.FieldProblem;
import org.helpdesk.core.Input;

/**
 * What makes a mailbox setting acceptable. Values given are checked whatever the type; what a type needs (a host
 * and user for a server, a folder for a local one) is required only for that type.
 */
final class MailboxRules {

	static final int MAX_PASSWORD = 500;

	private static final Pattern HOST = Pattern
		.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
				+ "|\\[?[0-9A-Fa-f:.]+\\]?");

	private MailboxRules() {
	}

	static List<FieldProblem> check(Mailbox box) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean server = box.type() == MailboxType.IMAP || box.type() == MailboxType.POP3;
		if (box.host() == null) {
			required(server, "email_box_host", problems);
		}
		else if (box.host().length() > 253 || !HOST.matcher(box.host()).matches()) {
			problems.add(new FieldProblem("email_box_host", "must be a host name or IP address"));
		}
		if (box.port() != null && (box.port() < 1 || box.port() > 65535)) {
			problems.add(new FieldProblem("email_box_port", "must be between 1 and 65535"));
		}
		if (box.user() == null) {
			required(server, "email_box_user", problems);
		}
		else {
			add(problems, Input.checkText("email_box_user", box.user(), 255, false));
		}
		add(problems, Input.checkText("email_box_imap_folder", box.imapFolder(), 255, false));
		if (box.localDir() == null) {
			required(box.type() == MailboxType.LOCAL, "email_box_local_dir", problems);
		}
		else if (box.localDir().length() > 1000 || !absolute(box.localDir())) {
			problems.add(new FieldProblem("email_box_local_dir", "must be an absolute path"));
		}
		if (box.intervalSeconds() < Mailbox.MIN_INTERVAL || box.intervalSeconds() > Mailbox.MAX_INTERVAL) {
			problems.add(new FieldProblem("email_box_interval",
					"must be between " + Mailbox.MIN_INTERVAL + " and " + Mailbox.MAX_INTERVAL + " seconds"));
		}
		return problems;
	}

	static FieldProblem checkPassword(String password) {
		return password.length() > MAX_PASSWORD
				? new FieldProblem("email_box_pass", "must be at most " + MAX_PASSWORD + " characters") : null;
	}

	private static boolean absolute(String dir) {
		try {
			return Input.checkText("email_box_local_dir", dir, 1000, false) == null && Path.of(dir).isAbsolute();
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	private static void required(boolean needed, String field, List<FieldProblem> problems) {
		if (needed) {
			problems.add(new FieldProblem(field, "is required"));
		}
	}

	private static void add(List<FieldProblem> problems, FieldProblem problem) {
		if (problem != null) {
			problems.add(problem);
		}
	}
}
