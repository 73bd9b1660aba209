-- Mailboxes per queue (django-helpdesk's field names). email_box_pass holds the password encrypted with AES-GCM
-- (see queue/MailboxPasswords), never the password itself.
alter table queue add column email_box_type varchar(10);
alter table queue add column email_box_host varchar(253);
alter table queue add column email_box_port integer;
alter table queue add column email_box_ssl boolean not null default false;
alter table queue add column email_box_user varchar(255);
alter table queue add column email_box_pass varchar(1000);
alter table queue add column email_box_imap_folder varchar(255);
alter table queue add column email_box_local_dir varchar(1000);
alter table queue add column email_box_interval integer not null default 60;

-- When each mailbox was last polled and how that went; written by whichever node polled it (inbox module).
create table mailbox_poll (
    queue_id      bigint       not null primary key references queue (id) on delete cascade,
    last_check    timestamp    not null,
    last_error    varchar(1000),
    backlog       boolean      not null default false
);

-- Messages an ignore rule said to keep in the mailbox: not taken in again on the next poll. The key names the
-- message in its channel: imap:<uidvalidity>:<uid>, pop3:<uidl>, local:<file name>.
create table mailbox_kept (
    queue_id      bigint       not null references queue (id) on delete cascade,
    message_key   varchar(300) not null,
    primary key (queue_id, message_key)
);
