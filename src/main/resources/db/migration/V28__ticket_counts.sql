-- How many tickets each queue holds per status, kept by the ticket module in the transaction of every change (see
-- ticket/QueueStatusCounts), so that the dashboard reads a few hundred rows however many tickets there are. Each
-- (queue, status) is spread over 16 slots (a ticket counts in the slot of its id modulo 16), so that tickets changing
-- at the same time rarely wait for one another's row; the sum over the slots is the count.
create table ticket_count (
    queue_id  bigint      not null references queue (id) on delete cascade,
    status    varchar(10) not null,
    slot      smallint    not null,
    tickets   bigint      not null,
    constraint ticket_count_pk primary key (queue_id, status, slot)
);

insert into ticket_count (queue_id, status, slot, tickets)
select queue_id, status, mod(id, 16), count(*) from ticket group by queue_id, status, mod(id, 16);
