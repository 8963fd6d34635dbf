-- The grade a buyer's limit was last set or judged at (domain.Buyer.limitGrade): a grade fall is measured from
-- it, so a slide of one grade at a time cuts the limit once it adds up to the policy's threshold (it never did:
-- each grade was compared with the one before). Null for limits set before: the previous grade is the measure.
alter table buyer add column limit_grade int;
