-- The daily review run works in batches (CreditReviewJob): the buyers whose review is due and not
-- yet announced, by due date in key order. Announced ones leave the index, so a batch does not pass
-- over what earlier batches (and days) already announced.
create index buyer_review_to_announce on buyer (review_due_on, id)
    where review_due_on is not null and review_announced_for is distinct from review_due_on;
