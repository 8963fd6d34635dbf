-- Withdrawals (docs/notification-service.md, "Withdrawal"): a requester withdraws a message it asked
-- for and that is no longer true. Every withdrawal received is kept, once per tenant and request id,
-- whether or not its message is here yet: a request arriving after its withdrawal ends WITHDRAWN at
-- once, and the delivery worker withdraws, in the transaction that claims messages for sending, a
-- QUEUED message whose withdrawal was recorded while its request was being taken in. The message
-- itself ends in the new final status WITHDRAWN (message.status is text, no check to widen) with
-- the reason in failure_reason.
create table message_withdrawal (
    tenant_id    text        not null,
    request_id   uuid        not null,
    reason       text        not null,
    requested_by text        not null,
    received_at  timestamptz not null,
    primary key (request_id, tenant_id)
);
