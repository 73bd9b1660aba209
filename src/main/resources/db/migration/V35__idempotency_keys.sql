-- Answers of JSON API POST requests that carried an Idempotency-Key, per account, kept 24 hours
-- (see org.helpdesk.restapi.Idempotency). A row without a status is a request still being processed.
create table idempotency_key (
    account_id    bigint       not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    status        integer,
    content_type  varchar(255),
    location      varchar(2000),
    body          text,
    created       timestamp with time zone not null,
    primary key (account_id, idem_key)
);
create index idempotency_key_by_created on idempotency_key (created);
