-- Custom requests (需求 → 报价 → 对接 → 上门, issue 22): a customer posts a job that fits no catalogue item, qualified
-- workers near the address are invited in rounds and answer with itemised quotes, the customer chooses one and the
-- choice becomes an order. Owned by the requests domain.

create table request_settings (
  city_code text primary key,
  expiry_hours integer not null default 24 check (expiry_hours between 1 and 168),
  round_size integer not null default 5 check (round_size between 1 and 20),
  target_answers integer not null default 3 check (target_answers between 1 and 10),
  round_minutes integer not null default 30 check (round_minutes between 5 and 240),
  max_rounds integer not null default 3 check (max_rounds between 1 and 10),
  updated_at timestamptz not null default now()
);

create table service_requests (
  id uuid primary key default gen_random_uuid(),
  request_no text not null unique,
  city_code text not null,
  customer_id uuid not null references users (id),
  category_code text not null,
  item_id uuid not null references service_items (id),
  item_code text not null,
  description text not null,
  photo_file_ids uuid[] not null default '{}',
  -- The customer's saved address while a draft; at publishing, a sealed copy (PII) and the district and point.
  address_id uuid,
  address_enc text,
  address_label text not null default '',
  district_code text,
  lat double precision,
  lng double precision,
  windows jsonb not null default '[]',
  budget_min_fen integer check (budget_min_fen >= 0),
  budget_max_fen integer check (budget_max_fen >= 0),
  special_needs text[] not null default '{}',
  notes text not null default '',
  status text not null default 'draft' check (status in ('draft', 'open', 'chosen', 'expired', 'cancelled')),
  rounds integer not null default 0,
  published_at timestamptz,
  expires_at timestamptz,
  first_answer_at timestamptz,
  chosen_answer_id uuid,
  order_id uuid,
  closed_at timestamptz,
  closed_reason text check (closed_reason in ('none_nearby', 'all_busy', 'no_answer', 'not_chosen', 'cancelled', 'chosen')),
  version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (budget_min_fen is null or budget_max_fen is null or budget_min_fen <= budget_max_fen)
);
create index service_requests_customer_idx on service_requests (customer_id, created_at desc);
create index service_requests_open_idx on service_requests (status, expires_at);

-- Who was asked to quote: by a matching round (score and explanation from dispatch's ranking) or by hand (ops).
create table request_invitations (
  request_id uuid not null references service_requests (id) on delete cascade,
  worker_id uuid not null references users (id),
  round integer not null,
  distance_km double precision not null,
  score double precision,
  explanation jsonb not null default '[]',
  invited_by_admin_id uuid,
  invited_by_admin_name text,
  created_at timestamptz not null default now(),
  primary key (request_id, worker_id)
);
create index request_invitations_worker_idx on request_invitations (worker_id, created_at desc);

-- One answer per worker and request: itemised lines priced by the catalogue's engine, the start they can come at.
create table request_answers (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references service_requests (id) on delete cascade,
  worker_id uuid not null references users (id),
  lines jsonb not null,
  total_fen integer not null check (total_fen > 0),
  start_at timestamptz not null,
  duration_minutes integer not null check (duration_minutes between 30 and 720),
  message text not null default '',
  status text not null default 'open' check (status in ('open', 'withdrawn', 'chosen', 'closed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (request_id, worker_id)
);
