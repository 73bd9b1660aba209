-- The ticket list finds a page in two steps (see TicketSearch): the ids of the page, then those tickets' rows. The
-- first step, and the count, read only the columns below; with all of them in one index the database sorts and
-- counts index entries instead of reading every matching ticket with its description. Each index leads with a column
-- people filter on (status, queue, owner) and holds every other column the common filters and sorts use. They
-- replace the narrower indexes with the same leading columns.
drop index ticket_by_queue_status;
drop index ticket_by_owner;
drop index ticket_list_by_status_created;
create index ticket_by_status on ticket (status, priority, queue_id, assigned_to, created, modified, id);
create index ticket_by_queue_status on ticket (queue_id, status, priority, assigned_to, created, modified, id);
create index ticket_by_owner on ticket (assigned_to, status, priority, queue_id, created, modified, id);
