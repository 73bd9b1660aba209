-- The ticket list pages by seeking on (sort column, id) (see TicketSeek). These indexes let the database read one
-- page of index entries in that order, however deep the page. They replace the single-column created/modified
-- indexes of V3, which the composite ones cover.
drop index ticket_by_created;
drop index ticket_by_modified;
create index ticket_list_by_created on ticket (created, id);
create index ticket_list_by_modified on ticket (modified, id);
create index ticket_list_by_priority on ticket (priority, id);
create index ticket_list_by_due on ticket (due_date, id);
-- "open tickets in my queues, newest first": the dashboard's and the default list's question
create index ticket_list_by_status_created on ticket (status, created, id);
