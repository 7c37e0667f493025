-- Location trail (位置轨迹): the positions a worker's phone reports while an order is 上门中 (on_the_way) or 服务中
-- (in_service). Customers see the latest one while the worker is on the way; operations see the whole trail on the
-- dispute and SOS desks. A trail is sensitive personal information (PIPL art. 28): it is kept `retention_days`
-- (per city, 30 by default) and then deleted by the daily `tracking.purge` job.
create table location_points (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id),
  worker_id uuid not null references users (id),
  -- The order's city, so the purge applies each city's retention without reading the orders table.
  city_code text not null,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  accuracy_m double precision not null check (accuracy_m >= 0),
  -- When the phone took the fix (sent by the client; a retry sends the same one, so it is the idempotency key).
  recorded_at timestamptz not null,
  received_at timestamptz not null default now(),
  unique (order_id, recorded_at)
);
create index location_points_worker_recent on location_points (worker_id, recorded_at desc);
create index location_points_recorded on location_points (city_code, recorded_at);
create index location_points_received on location_points (order_id, received_at);

create table tracking_settings (
  city_code text primary key,
  retention_days int not null check (retention_days between 1 and 365),
  updated_at timestamptz not null default now()
);
