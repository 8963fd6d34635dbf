-- An SMS provider's delivery report that arrives while its SMS is still being handed over (SENDING: the provider has
-- it, the batch's hand-overs are not recorded yet) is kept here, one per message, and applied in the transaction that
-- records the hand-over (SENT, or UNKNOWN), which then publishes SENT and the reported status in that order
-- (domain.DeliveryReport#effectOn, app.DeliveryReports, docs/notification-service.md, "SMS"). Before, such a report
-- was answered 200 and dropped: a provider does not retry a 200, so the SMS stayed SENT.
create table message_kept_report (
    request_id  uuid        primary key references message (request_id),
    status      text        not null,
    reason      text,
    received_at timestamptz not null
);
