-- ShedLock's table: work that must run once across all nodes (mailbox polls, escalation cycles) takes a named lock
-- here, with the database's clock, so nodes with skewed clocks still agree.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
