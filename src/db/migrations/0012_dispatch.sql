-- Dispatch: per city/category mode and windows, the offers' rounds and windows, every decision with its
-- explanation, and the operations queue for orders nobody took.
create table dispatch_settings (
  city_code text not null references cities (code),
  category_code text not null default '*',
  settings jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (city_code, category_code)
);

alter table order_offers drop constraint order_offers_status_check;
alter table order_offers
  add constraint order_offers_status_check check (status in ('open', 'declined', 'accepted', 'withdrawn', 'expired')),
  add column round int not null default 0,
  add column mode text not null default 'grab' check (mode in ('grab', 'assign', 'chosen')),
  add column score double precision,
  add column expires_at timestamptz;
create index order_offers_open_idx on order_offers (worker_id, expires_at) where status = 'open';

create table dispatch_decisions (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  round int not null,
  mode text not null,
  offered uuid[] not null default '{}',
  ranked jsonb not null,
  rejected jsonb not null,
  candidates int not null,
  created_at timestamptz not null default now()
);
create index dispatch_decisions_order_idx on dispatch_decisions (order_id, round);

create table dispatch_queue (
  order_id uuid primary key references orders (id),
  reason text not null,
  queued_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index dispatch_queue_open_idx on dispatch_queue (queued_at) where resolved_at is null;
