-- Catalogue pricing: each item carries its pricing model and option definitions (the pure engine's
-- types, as JSON), per-city prices and reference ranges, time-based price rules, an append-only
-- change history, and stored quotes that booking consumes.
alter table service_items
  add column pricing jsonb,
  add column options jsonb not null default '[]',
  add column included text[] not null default '{}',
  add column excluded text[] not null default '{}',
  add column photo_file_ids uuid[] not null default '{}',
  add column search_text text not null default '',
  add column popularity int not null default 0,
  add column rating_avg numeric(3, 2) not null default 0,
  add column rating_count int not null default 0,
  add column version int not null default 1,
  add column updated_at timestamptz not null default now();
create index service_items_search_idx on service_items using gin (search_text gin_trgm_ops);
alter table service_categories add column published boolean not null default true;

create table city_pricing (
  city_code text primary key references cities (code),
  multiplier_bp int not null default 10000 check (multiplier_bp between 1000 and 100000),
  updated_at timestamptz not null default now()
);

create table city_item_prices (
  city_code text not null references cities (code),
  item_id uuid not null references service_items (id),
  base_price_fen int check (base_price_fen >= 0),
  reference_min_fen int not null check (reference_min_fen >= 0),
  reference_max_fen int not null,
  updated_at timestamptz not null default now(),
  primary key (city_code, item_id),
  check (reference_max_fen >= reference_min_fen)
);

create table price_rules (
  id uuid primary key default gen_random_uuid(),
  city_code text not null references cities (code),
  kind text not null check (kind in ('night', 'weekend', 'urgent', 'holiday')),
  label_zh text not null,
  label_en text not null,
  config jsonb not null default '{}',
  adjustment jsonb not null,
  excludes uuid[] not null default '{}',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index price_rules_city_idx on price_rules (city_code) where active;

create table catalog_changes (
  id uuid primary key default gen_random_uuid(),
  entity_type text not null,
  entity_id text not null,
  action text not null,
  admin_id uuid,
  admin_name text not null default '',
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
create index catalog_changes_entity_idx on catalog_changes (entity_type, entity_id, created_at desc);
create index catalog_changes_created_idx on catalog_changes (created_at desc);

create table quotes (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid references users (id),
  item_id uuid not null references service_items (id),
  city_code text not null references cities (code),
  request jsonb not null,
  quote jsonb not null,
  signature text not null,
  total_fen int not null check (total_fen >= 0),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  created_at timestamptz not null default now()
);
create index quotes_customer_idx on quotes (customer_id, created_at desc);
