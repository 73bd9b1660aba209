-- Spring Modulith's event publication registry (V1) was never used for ticket events, which are handled inside the
-- change's transaction; durable work goes through the outbox and backlog tables. Its starter is gone, and so is the
-- table.
drop table event_publication;
