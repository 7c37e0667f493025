-- Worker onboarding and review: identity (encrypted), certificates, portfolio, days off, forced rest,
-- teams, review decisions, penalties with one appeal, and customers' favourite workers.
alter table worker_profiles drop constraint worker_profiles_status_check;
update worker_profiles set status = 'submitted' where status = 'pending';
update worker_profiles set status = 'approved' where status = 'suspended';
alter table worker_profiles
  add constraint worker_profiles_status_check check (status in ('draft', 'submitted', 'approved', 'rejected', 'removed')),
  alter column district_code drop not null,
  alter column home_lat drop not null,
  alter column home_lng drop not null,
  alter column service_radius_km drop not null,
  alter column display_name set default '',
  add column worker_type text not null default 'individual' check (worker_type in ('individual', 'team')),
  add column intro text not null default '',
  add column previous_employers text[] not null default '{}',
  add column max_minutes_per_day int not null default 600 check (max_minutes_per_day between 60 and 1440),
  add column min_break_minutes int not null default 0 check (min_break_minutes between 0 and 240),
  add column suspended_until timestamptz,
  add column review_note text not null default '',
  add column submitted_at timestamptz,
  add column approved_at timestamptz,
  add column updated_at timestamptz not null default now();
alter table worker_profiles alter column status set default 'draft';
create index worker_profiles_status_idx on worker_profiles (status);

create table worker_identities (
  worker_id uuid primary key references worker_profiles (user_id) on delete cascade,
  real_name_enc text not null,
  real_name_masked text not null,
  id_number_enc text not null,
  id_number_hash text not null unique,
  id_number_masked text not null,
  birth_date date not null,
  front_file_id uuid not null,
  back_file_id uuid not null,
  selfie_file_id uuid not null,
  check_result jsonb not null,
  consent_version text not null,
  consent_at timestamptz not null,
  updated_at timestamptz not null default now()
);

create table worker_certificates (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  kind text not null,
  number text not null,
  expires_at date,
  file_id uuid not null,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  created_at timestamptz not null default now()
);
create index worker_certificates_worker_idx on worker_certificates (worker_id);
create index worker_certificates_expiry_idx on worker_certificates (expires_at) where status = 'verified';

create table worker_portfolio (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  file_id uuid not null,
  caption text not null default '',
  stage text not null default 'after' check (stage in ('before', 'after')),
  created_at timestamptz not null default now()
);
create index worker_portfolio_worker_idx on worker_portfolio (worker_id);

create table worker_days_off (
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  day date not null,
  primary key (worker_id, day)
);

create table worker_teams (
  id uuid primary key default gen_random_uuid(),
  leader_id uuid not null unique references worker_profiles (user_id) on delete cascade,
  name text not null,
  member_count int not null default 1 check (member_count between 1 and 50)
);

create table worker_review_decisions (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  decision text not null check (decision in ('approved', 'rejected')),
  reason text not null default '',
  admin_id uuid,
  admin_name text not null default '',
  created_at timestamptz not null default now()
);
create index worker_review_decisions_worker_idx on worker_review_decisions (worker_id, created_at desc);

create table worker_penalties (
  id uuid primary key default gen_random_uuid(),
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  kind text not null check (kind in ('warning', 'suspension', 'removal')),
  reason text not null,
  days int check (days between 1 and 365),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  admin_id uuid,
  admin_name text not null default '',
  appeal_text text,
  appealed_at timestamptz,
  appeal_outcome text check (appeal_outcome in ('upheld', 'revoked')),
  appeal_note text,
  appeal_decided_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index worker_penalties_worker_idx on worker_penalties (worker_id, created_at desc);

create table favourite_workers (
  customer_id uuid not null references users (id) on delete cascade,
  worker_id uuid not null references worker_profiles (user_id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (customer_id, worker_id)
);

-- Seeded workers are already verified: give them the same review trail as reviewed ones.
update worker_profiles set approved_at = created_at, submitted_at = created_at where status = 'approved';
