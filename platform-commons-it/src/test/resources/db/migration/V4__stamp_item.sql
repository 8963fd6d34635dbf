-- Rows for the chassis' batched test job (StampJob): each due item is stamped once per date.
create table stamp_item (
    id         int primary key,
    due_on     date not null,
    stamped_on date
);
