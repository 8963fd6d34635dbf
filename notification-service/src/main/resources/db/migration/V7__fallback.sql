-- The fallback to the next channel of the tenant's order after a permanent failure (docs/notification-service.md,
-- "Fallback"): the channels a message has already failed on, and the attempts made on its current channel (its
-- retry schedule counts these; attempts keeps counting every hand-over of the message, the attempt log's key).
alter table message add column tried_channels text[] not null default '{}';
alter table message add column channel_attempts int not null default 0;
update message set channel_attempts = attempts;
