-- Keyword search (see SearchWords): each distinct word of a ticket's title, description and follow-ups, once per
-- ticket. V8 fills it for the tickets that exist when it is created. No foreign key: on H2 it would bring a second
-- index on ticket_id, and every index costs each of the many rows written here; Tickets.delete removes the words.
create table ticket_word (
    word      varchar(40) not null,
    ticket_id bigint      not null,
    primary key (word, ticket_id)
);
create index ticket_word_by_ticket on ticket_word (ticket_id);
