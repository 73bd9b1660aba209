-- Each person reads the helpdesk in their own language and time zone.
alter table account add column language varchar(10);
alter table account add column time_zone varchar(50);

-- Secrets every node must share (for example the remember-me signing key), created on first start.
create table app_secret (
    name   varchar(50)  not null primary key,
    secret varchar(200) not null
);
