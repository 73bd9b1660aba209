-- "All queues" becomes a flag of its own: an agent whose last queue is deleted is left with no queues, never with
-- all of them. Agents without queue rows could use every queue before this migration, and still can.
alter table account add column all_queues boolean not null default false;
update account set all_queues = true
    where not exists (select 1 from account_queue q where q.account_id = account.id);

-- Signed-in sessions carry a snapshot of their account that is re-read when this version moves; moving it once
-- here makes every session of the previous release pick up the new flag.
update account set credentials_version = credentials_version + 1;

-- Remember-me tokens (Spring Security's persistent-token table, with room for our longest usernames), so that
-- signing out, a new password or a deactivation revokes them on the server.
create table persistent_logins (
    username   varchar(150) not null,
    series     varchar(64)  not null primary key,
    token      varchar(64)  not null,
    last_used  timestamp    not null
);
create index persistent_logins_username on persistent_logins (username);
