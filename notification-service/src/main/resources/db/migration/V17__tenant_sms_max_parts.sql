-- The most parts an SMS of the tenant may take (PUT /api/v1/notification-settings, "smsMaxParts", 1 to 10): a reminder
-- listing more invoices than fit lists the first and says how many more; one that cannot fit is not sent
-- (domain.SmsLength, docs/notification-service.md, "SMS"). Null: 3. Before, an SMS went to the provider whatever its length.
alter table tenant_notification_settings add column sms_max_parts integer
    check (sms_max_parts between 1 and 10);
