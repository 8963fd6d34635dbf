-- Whether a hand-over of the message may have reached the other side without a clear answer (a webhook posted with no
-- answer within the timeout or its connection broken after sending, or left SENDING by a crash, and queued for its
-- resend). A withdrawal cannot take such a message back: it ends UNKNOWN, not WITHDRAWN ("never sent"), and is not sent
-- again (domain.Withdrawal, docs/notification-service.md, "Withdrawals").
alter table message add column may_have_been_received boolean not null default false;
