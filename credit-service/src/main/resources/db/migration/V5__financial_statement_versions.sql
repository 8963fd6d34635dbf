-- A second statement for the same buyer and fiscal year (a restatement, a correction) no longer
-- replaces the first: each is kept as the next version, and the latest version of the latest year
-- is the one assessed. Statements stored before are version 1.
alter table financial_statement add column version int not null default 1;
alter table financial_statement drop constraint financial_statement_pkey,
    add constraint financial_statement_pkey primary key (buyer_id, fiscal_year, version),
    add constraint financial_statement_version_positive check (version >= 1);
alter table financial_statement alter column version drop default;
