package org.helpdesk.web.ticket;

import org.helpdesk.core.NotFound;

/** No such attachment on this ticket, or its bytes are gone. */
class AttachmentNotFound extends NotFound {

	AttachmentNotFound() {
		super("No such attachment");
	}
}
