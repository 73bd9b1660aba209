-- WebhookRetention removes finished deliveries (and, by cascade, their attempts) older than
-- helpdesk.webhooks.retention, the oldest first: this index finds them without reading the table.
create index webhook_delivery_by_created on webhook_delivery (created);
