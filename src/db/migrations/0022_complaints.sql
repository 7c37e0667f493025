-- Complaints (投诉): a customer about the worker of an order, a worker about the customer, or quality control
-- ('qa') about a worker after a failed follow-up call. Each has an owner (an admin), an SLA (first response and
-- resolution deadlines from the city's settings, stored at filing), escalations recorded once per breach, a written
-- outcome shown to both parties, an optional worker penalty and a link to the order's dispute (转售后).
create table complaints (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  city_code text not null references cities (code),
  source text not null check (source in ('customer', 'worker', 'qa')),
  -- the person who filed it (null for quality control)
  filed_by uuid references users (id),
  against_kind text not null check (against_kind in ('worker', 'customer')),
  against_id uuid not null references users (id),
  category text not null check (category in ('late', 'attitude', 'damage', 'loss', 'safety', 'overcharge', 'other')),
  description text not null check (char_length(description) between 1 and 1000),
  evidence_file_ids uuid[] not null default '{}' check (cardinality(evidence_file_ids) <= 9),
  status text not null default 'submitted' check (status in ('submitted', 'in_progress', 'resolved', 'rejected')),
  owner_admin_id uuid references admin_accounts (id),
  owner_name text,
  first_response_due timestamptz not null,
  resolution_due timestamptz not null,
  first_response_at timestamptz,
  -- the accused party is told (without the complainant's text) when ops first act
  against_notified_at timestamptz,
  response_escalated_at timestamptz,
  resolution_escalated_at timestamptz,
  outcome text,
  penalty_id uuid references worker_penalties (id),
  penalty_kind text check (penalty_kind in ('warning', 'suspension', 'removal')),
  after_sales_at timestamptz,
  closed_by uuid references admin_accounts (id),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One open complaint per person (or per quality control) and order.
create unique index complaints_one_open_idx on complaints (order_id, source, coalesce(filed_by, '00000000-0000-0000-0000-000000000000'::uuid))
  where status in ('submitted', 'in_progress');
create index complaints_status_idx on complaints (status, created_at desc);
create index complaints_filed_by_idx on complaints (filed_by, created_at desc);
create index complaints_against_idx on complaints (against_id, against_kind);
create index complaints_open_due_idx on complaints (resolution_due) where status in ('submitted', 'in_progress');

-- The complaint's timeline: filing, claim, assignment, replies, escalations, after-sales, outcome.
create table complaint_events (
  id bigserial primary key,
  complaint_id uuid not null references complaints (id),
  action text not null,
  actor_kind text not null check (actor_kind in ('customer', 'worker', 'admin', 'system')),
  actor_id uuid,
  actor_name text not null default '',
  note text not null default '',
  -- replies are shown to the complainant; internal notes are not
  visible_to_filer boolean not null default false,
  detail jsonb not null default '{}',
  at timestamptz not null default now()
);
create index complaint_events_complaint_idx on complaint_events (complaint_id, id);

-- SLA hours per city (first response, resolution; shorter for 安全) and the filing window, set in the console.
create table complaint_settings (
  city_code text primary key references cities (code),
  settings jsonb not null,
  updated_at timestamptz not null default now()
);
