-- The payment terms credit-service agreed with each buyer (buyer-registered, limit-changed): the buyer's term and
-- the term of its first order under the tenant's credit policy (docs/domain.md §1). Null: not known here (a buyer
-- registered before the events carried them), and then nothing is checked.
alter table known_buyer add column payment_term_days int;
alter table known_buyer add column first_order_term_days int;

-- An invoice due later than those terms allow (domain.AgreedTerms): flagged, or refused when the tenant says so.
alter table invoice add column beyond_agreed_terms boolean not null default false;
alter table invoicing_policy add column beyond_agreed_terms text not null default 'FLAG'
    constraint invoicing_policy_beyond_agreed_terms check (beyond_agreed_terms in ('FLAG', 'REFUSE'));
