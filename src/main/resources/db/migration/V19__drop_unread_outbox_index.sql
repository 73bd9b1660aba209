-- Since the dispatcher claims the oldest due mails by id through mail_outbox_queued_by_id (V14), no query reads
-- mail_outbox_due (status, next_attempt_at): the due-time check filters the rows that index finds. Yet every queued
-- mail, and every change of a mail's status, still wrote an entry into it, in the request that queued the mail.
drop index mail_outbox_due;
