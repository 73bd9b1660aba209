-- 100,000 tickets in two queues with two follow-ups each, and ticket 1 with 200 follow-ups (H2 syntax).
-- Run against a helpdesk database whose queues 1 and 2 and agent 2 exist.
insert into ticket (queue_id, title, description, submitter_email, assigned_to, status, priority, on_hold,
                    created, modified, secret_key)
select mod(n, 2) + 1,
       'Benchmark ticket ' || n || ': printer on floor ' || mod(n, 40),
       'Something is broken in room ' || mod(n, 300) || '. Steps to reproduce: ' || repeat('lorem ipsum ', 20),
       'customer' || mod(n, 5000) || '@example.test',
       case when mod(n, 3) = 0 then 2 else null end,
       case mod(n, 10) when 0 then 'reopened' when 1 then 'resolved' when 2 then 'closed' else 'open' end,
       mod(n, 5) + 1, false,
       dateadd('MINUTE', -n, current_timestamp), dateadd('MINUTE', -n + 30, current_timestamp),
       cast(random_uuid() as varchar)
from (select "X" as n from system_range(1, 100000)) r;

insert into followup (ticket_id, date, title, comment, public, user_id)
select id, created, 'Ticket Opened', description, true, null from ticket;

insert into followup (ticket_id, date, title, comment, public, user_id)
select id, modified, 'Comment', 'Checked the cable of ticket ' || id || '; waiting for the customer.', mod(id, 2) = 0, 2
from ticket;

insert into followup (ticket_id, date, title, comment, public, user_id)
select 1, dateadd('SECOND', n, current_timestamp), 'Comment',
       'Follow-up number ' || n || ' with *some* Markdown and a [link](https://example.com/' || n || ').',
       mod(n, 3) <> 0, 2
from (select "X" as n from system_range(1, 198)) r;
