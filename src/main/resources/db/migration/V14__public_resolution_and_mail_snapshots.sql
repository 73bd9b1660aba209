-- A resolution typed into a private reply is an internal note. Customers (mails, portal, secret link) may only see
-- a resolution that came from a public follow-up; the ticket records which kind it holds.
alter table ticket add column resolution_public boolean default false not null;

-- Existing tickets: public when a public follow-up of the ticket carries the same text (what the portal checked).
update ticket set resolution_public = true
where resolution is not null
  and exists (select 1 from followup f
              where f.ticket_id = ticket.id and f.public = true and f.comment = ticket.resolution);

-- Mail is rendered by the outbox dispatcher just before sending, from a snapshot of what the mail shows, taken in
-- the transaction of the change. Rows queued before this migration keep their rendered bodies.
alter table mail_outbox add column followup_id bigint;
alter table mail_outbox add column snapshot text;
alter table mail_outbox alter column body_text drop not null;
alter table mail_outbox alter column body_html drop not null;

-- The dispatcher claims the oldest due mails by id: with this index it reads them in order and stops at a batch,
-- instead of sorting every queued mail when many are waiting.
create index mail_outbox_queued_by_id on mail_outbox (status, id);
