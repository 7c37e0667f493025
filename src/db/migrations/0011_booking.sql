-- Booking: orders with their snapshots, the worker commitments that make double booking impossible,
-- offers, the timeline, extra work, service records, reschedule requests, per-city booking settings,
-- and two platform tables: durable jobs and idempotency keys.

create table booking_settings (
  city_code text primary key references cities (code),
  settings jsonb not null,
  updated_at timestamptz not null default now()
);

create table orders (
  id uuid primary key default gen_random_uuid(),
  order_no text not null unique,
  city_code text not null references cities (code),
  kind text not null default 'normal' check (kind in ('normal', 'rework')),
  parent_order_id uuid references orders (id),
  channel text not null default 'app' check (channel in ('app', 'phone')),
  booked_by_admin_id uuid,
  booked_by_admin_name text,
  customer_id uuid not null references users (id),
  worker_id uuid references users (id),
  preferred_worker_id uuid references users (id),
  item_id uuid not null references service_items (id),
  item_code text not null,
  category_code text not null,
  status text not null default 'created' check (status in (
    'created', 'paid', 'assigned', 'on_the_way', 'in_service', 'awaiting_confirmation', 'completed', 'closed', 'cancelled', 'disputed', 'refunded')),
  version int not null default 0,
  scheduled_start timestamptz not null,
  duration_minutes int not null check (duration_minutes between 1 and 1440),
  buffer_minutes int not null check (buffer_minutes >= 0),
  district_code text not null references districts (code),
  lat double precision not null,
  lng double precision not null,
  -- Snapshots at booking time: the priced quote, the address (encrypted JSON), the worker card.
  quote_id uuid unique references quotes (id),  -- null for a rework visit (priced 0, copied from its parent)
  quote_snapshot jsonb not null,
  address_enc text not null,
  address_label text not null default '',
  worker_snapshot jsonb,
  price_fen int not null check (price_fen >= 0),
  extras_fen int not null default 0 check (extras_fen >= 0),
  paid_fen int not null default 0 check (paid_fen >= 0),
  refund_fen int not null default 0 check (refund_fen >= 0),
  fee_fen int not null default 0 check (fee_fen >= 0),
  worker_compensation_fen int not null default 0 check (worker_compensation_fen >= 0),
  pay_method text,
  service_code text not null check (service_code ~ '^[0-9]{4}$'),
  check_in_failures int not null default 0,
  notes text not null default '',
  photo_file_ids uuid[] not null default '{}',
  relay_number text,
  eta_at timestamptz,
  paid_at timestamptz,
  accepted_at timestamptz,
  departed_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  completed_at timestamptz,
  closed_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text not null default '',
  check_in jsonb,
  late_flagged_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (refund_fen + fee_fen <= paid_fen)
);
create index orders_customer_idx on orders (customer_id, created_at desc);
create index orders_worker_idx on orders (worker_id, scheduled_start);
create index orders_status_idx on orders (status, scheduled_start);
create index orders_start_idx on orders (scheduled_start);

-- A worker's committed time: the job plus its trailing travel buffer. The exclusion constraint is the
-- rule that no worker ever holds two overlapping commitments, whatever code path inserts them.
create table worker_commitments (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references users (id),
  order_id uuid not null references orders (id),
  kind text not null check (kind in ('hold', 'order')),
  during tstzrange not null check (not isempty(during)),
  work_minutes int not null check (work_minutes >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  released_at timestamptz,
  exclude using gist (worker_id with =, during with &&) where (active)
);
create unique index worker_commitments_order_active_idx on worker_commitments (order_id) where active;
create index worker_commitments_worker_idx on worker_commitments using gist (worker_id, during) where active;

create table order_offers (
  order_id uuid not null references orders (id),
  worker_id uuid not null references users (id),
  status text not null default 'open' check (status in ('open', 'declined', 'accepted', 'withdrawn')),
  distance_km double precision,
  reason text not null default '',
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  primary key (order_id, worker_id)
);
create index order_offers_worker_idx on order_offers (worker_id, status);

create table order_events (
  id bigint generated always as identity primary key,
  order_id uuid not null references orders (id),
  at timestamptz not null default now(),
  action text not null,
  actor_kind text not null check (actor_kind in ('customer', 'worker', 'admin', 'system')),
  actor_id uuid,
  actor_name text not null default '',
  from_status text,
  to_status text,
  note text not null default '',
  detail jsonb not null default '{}'
);
create index order_events_order_idx on order_events (order_id, id);

create table order_extras (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  title text not null,
  amount_fen int not null check (amount_fen > 0),
  reason text not null default '',
  status text not null default 'proposed' check (status in ('proposed', 'accepted', 'refused', 'withdrawn')),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create index order_extras_order_idx on order_extras (order_id);

create table order_records (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  worker_id uuid not null references users (id),
  note text not null default '',
  photos_before uuid[] not null default '{}',
  photos_after uuid[] not null default '{}',
  checklist jsonb not null default '[]',
  created_at timestamptz not null default now()
);
create index order_records_order_idx on order_records (order_id);

create table reschedule_requests (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  requested_by text not null check (requested_by in ('customer', 'worker')),
  requester_id uuid not null,
  previous_start timestamptz not null,
  proposed_start timestamptz not null,
  reason text not null,
  status text not null check (status in ('pending_ops', 'pending_customer', 'pending_worker', 'approved', 'rejected', 'withdrawn')),
  decision_note text not null default '',
  ops_admin_id uuid,
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index reschedule_requests_pending_idx on reschedule_requests (order_id) where status in ('pending_ops', 'pending_customer', 'pending_worker');
create index reschedule_requests_status_idx on reschedule_requests (status, created_at);

-- Durable jobs: claimed with FOR UPDATE SKIP LOCKED under a lease, run in the transaction that marks them done.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  key text not null unique,
  run_at timestamptz not null,
  payload jsonb not null default '{}',
  attempts int not null default 0,
  locked_until timestamptz,
  done_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
create index jobs_due_idx on jobs (run_at) where done_at is null;

create table idempotency_keys (
  principal text not null,
  key text not null,
  route text not null,
  request_hash text not null,
  status_code int,
  response jsonb,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
