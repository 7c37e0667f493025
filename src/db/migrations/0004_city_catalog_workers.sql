-- Geography of served cities, the first cut of the service catalogue and worker profiles.
-- Later migrations extend catalogue (pricing) and workers (verification, schedules).
create table cities (
  code text primary key,
  name text not null,
  name_en text not null,
  time_zone text not null,
  center_lat double precision not null,
  center_lng double precision not null
);

create table districts (
  code text primary key,
  city_code text not null references cities (code),
  name text not null,
  name_en text not null,
  center_lat double precision not null,
  center_lng double precision not null,
  radius_km double precision not null
);

create table service_categories (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  name_en text not null,
  icon text not null default '',
  sort int not null default 0
);

create table service_items (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references service_categories (id),
  code text not null unique,
  name text not null,
  name_en text not null,
  description text not null default '',
  unit text not null,
  price_min_fen int not null check (price_min_fen >= 0),
  price_max_fen int not null,
  duration_minutes int not null check (duration_minutes > 0),
  required_certificate text,
  published boolean not null default true,
  sort int not null default 0,
  check (price_max_fen >= price_min_fen)
);

create table worker_profiles (
  user_id uuid primary key references users (id) on delete cascade,
  display_name text not null,
  gender text not null default 'undisclosed',
  district_code text not null references districts (code),
  home_lat double precision not null,
  home_lng double precision not null,
  service_radius_km double precision not null check (service_radius_km > 0 and service_radius_km <= 50),
  experience_years int not null default 0,
  rating_avg numeric(3, 2) not null default 0,
  rating_count int not null default 0,
  orders_done int not null default 0,
  status text not null default 'pending' check (status in ('pending', 'approved', 'suspended', 'removed')),
  online boolean not null default false,
  created_at timestamptz not null default now()
);
create index worker_profiles_district_idx on worker_profiles (district_code);
create index worker_profiles_geo_idx on worker_profiles using gist (ll_to_earth(home_lat, home_lng));

create table worker_skills (
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  item_id uuid not null references service_items (id),
  primary key (worker_id, item_id)
);

-- Weekly working hours in the city's local time: minutes from local midnight.
create table worker_hours (
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  start_minute int not null check (start_minute between 0 and 1440),
  end_minute int not null check (end_minute between 0 and 1440),
  check (end_minute > start_minute),
  primary key (worker_id, weekday, start_minute)
);
