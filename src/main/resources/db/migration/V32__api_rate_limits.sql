-- Token buckets of the JSON API's rate limits, shared by every node on PostgreSQL (Bucket4j's
-- PostgreSQLSelectForUpdateBasedProxyManager: one row per caller, its state serialised by Bucket4j, and when the
-- row may be removed, in epoch milliseconds). The embedded H2 database keeps its buckets in memory (one node) and
-- leaves this table empty.
create table api_rate_limit (
    id          varchar(200) primary key,
    state       bytea,
    expires_at  bigint
);
create index api_rate_limit_expiry on api_rate_limit (expires_at);
