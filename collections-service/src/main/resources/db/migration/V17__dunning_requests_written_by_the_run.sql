-- The dunning requests (dunning_request, V15) are written by whoever records a request in the outbox, beside
-- it in the same transaction: the daily run's batch (one unnest insert for the batch's requests, with its log
-- of steps) and an approved draft (DunningRequestRepository.recorded). The trigger that filled the table from
-- the outbox parsed every outbox row's JSON as it was inserted, a large part of PostgreSQL's work in a run over
-- a million invoices (docs/performance.md, issue 12, "Sixth session"); rows it wrote stay as they are.
drop trigger dunning_request_recorded on outbox;
drop function dunning_request_recorded();
