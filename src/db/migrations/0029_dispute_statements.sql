-- 售后 / 纠纷: what each party says, with uploads, while the order is disputed and before the statement deadline
-- (booking settings `disputeStatementHours` from the dispute's opening). Arbitration reads them with the evidence pack.
create table dispute_statements (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  party text not null check (party in ('customer', 'worker')),
  author_id uuid not null references users (id),
  body text not null check (char_length(body) between 1 and 1000),
  file_ids uuid[] not null default '{}' check (cardinality(file_ids) <= 9),
  created_at timestamptz not null default now()
);
create index dispute_statements_order_idx on dispute_statements (order_id, created_at);
