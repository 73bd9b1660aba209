-- Keyword search is a Lucene index on each node now (org.helpdesk.ticketlist.SearchIndex), fed from the change log
-- (V26) and rebuilt from the tables when it is missing. The hand-written word index (V7, filled once by the Java
-- migration V8, which is gone; see spring.flyway.ignore-migration-patterns) and its backlog (V10) go.
drop table ticket_word_backlog;
drop table ticket_word;
