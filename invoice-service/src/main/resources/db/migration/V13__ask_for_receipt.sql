-- Whether issuing an invoice asks the buyer to confirm its receipt (docs/domain.md §2; domain.InvoicingPolicy):
-- on by default, as the rule asks; a tenant that asks its buyers another way turns it off.
alter table invoicing_policy add column ask_for_receipt boolean not null default true;
