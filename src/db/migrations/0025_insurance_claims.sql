-- Insurance claims (保险理赔): filed by ops or by the customer against an order's accident cover, from an SOS
-- incident or an after-sales dispute, with documents; 提交 (submitted) → 审核 (reviewing) → 赔付 (paid) / 驳回
-- (rejected) with a written reason. The payout is a ledger entry (insurance account → the customer), posted once.
create table insurance_claims (
  id uuid primary key default gen_random_uuid(),
  claim_no text not null unique,
  order_id uuid not null references orders (id),
  customer_id uuid not null references users (id),
  worker_id uuid references users (id),
  source text not null check (source in ('incident', 'dispute')),
  incident_id uuid references incidents (id),
  amount_fen int not null check (amount_fen > 0),
  cover_fen int not null check (cover_fen > 0),
  description text not null,
  document_file_ids uuid[] not null default '{}' check (cardinality(document_file_ids) <= 9),
  status text not null default 'submitted' check (status in ('submitted', 'reviewing', 'paid', 'rejected')),
  filed_by_kind text not null check (filed_by_kind in ('customer', 'admin')),
  filed_by_id uuid not null,
  filed_by_name text not null default '',
  reviewing_by_name text,
  reviewing_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  decided_at timestamptz,
  decision_reason text not null default '',
  payout_entry_key text unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (amount_fen <= cover_fen),
  check ((source = 'incident') = (incident_id is not null)),
  check ((status = 'paid') = (payout_entry_key is not null))
);
-- One open claim per order: a second one while the first is 提交 / 审核 is refused (409).
create unique index insurance_claims_one_open_idx on insurance_claims (order_id) where status in ('submitted', 'reviewing');
create index insurance_claims_status_idx on insurance_claims (status, created_at);
create index insurance_claims_customer_idx on insurance_claims (customer_id);
