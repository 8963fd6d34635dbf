-- The outbox keeps only the indexes something reads (docs/performance.md, issue 12: each is written for each of a
-- dunning run's 200,000 events, and outbox_sent_at again when the relay marks a row sent).
-- outbox_unsent_by_aggregate: the relay's "earlier unsent row of this aggregate held by another relay" is found
-- among the unsent rows below the round's last one, which outbox_unsent_by_seq reads in order: about one round's
-- rows plus what other relays hold, however large the backlog.
drop index outbox_unsent_by_aggregate;
-- outbox_sent_at: read only by the daily cleanup, whose one scan of the table a day costs less than an index
-- entry per event published.
drop index outbox_sent_at;
