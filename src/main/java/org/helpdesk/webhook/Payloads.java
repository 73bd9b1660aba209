package org.helpdesk.webhook;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a delivery: its id (the same on every attempt and redelivery, for de-duplication), the kind of
 * change, its position in the change log, the ticket, queue and acting account, when it happened, and the change's
 * fields as the change log holds them.
 */
final class Payloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Payloads() {
	}

	static byte[] body(PendingDelivery d) {
		ObjectNode body = JSON.createObjectNode();
		body.put("id", d.id());
		body.put("event", d.event());
		body.put("position", d.position());
		body.put("ticket_id", d.ticketId());
		if (d.queueId() == null) {
			body.putNull("queue_id");
		}
		else {
			body.put("queue_id", d.queueId());
		}
		if (d.actorId() == null) {
			body.putNull("actor_id");
		}
		else {
			body.put("actor_id", d.actorId());
		}
		body.put("occurred_at", d.occurred().toString());
		body.set("fields", JSON.readTree(d.fields()));
		return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
	}
}
