-- The daily withdrawal-pruning job (docs/notification-service.md, "Withdrawal") drops withdrawals by
-- their age: an index on when they were received keeps that a range scan.
create index message_withdrawal_received_at on message_withdrawal (received_at);
