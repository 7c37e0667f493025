-- Safety: SOS incidents raised from the portals (with a location), which operations must acknowledge and resolve.
create table incidents (
  id uuid primary key default gen_random_uuid(),
  incident_no text not null unique,
  user_id uuid not null references users (id),
  role text not null check (role in ('customer', 'worker')),
  order_id uuid references orders (id),
  lat double precision,
  lng double precision,
  note text not null default '',
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  acknowledged_by text,
  acknowledged_at timestamptz,
  resolved_by text,
  resolved_at timestamptz,
  resolution text not null default '',
  created_at timestamptz not null default now(),
  check ((lat is null) = (lng is null))
);
create index incidents_status_idx on incidents (status, created_at);
-- One open incident per person: pressing SOS again returns it instead of raising another.
create unique index incidents_one_open_idx on incidents (user_id) where status <> 'resolved';
