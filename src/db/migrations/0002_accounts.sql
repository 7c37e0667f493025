-- Accounts: people who use the H5 portals (customers and workers), their sessions and sign-in codes.
-- Phones are stored encrypted (phone_enc), found by a keyed hash (phone_hash), shown masked.
create table users (
  id uuid primary key default gen_random_uuid(),
  roles text[] not null default '{}',
  name text not null default '',
  gender text not null default 'undisclosed' check (gender in ('male', 'female', 'undisclosed')),
  avatar_file_id uuid,
  phone_hash text unique,
  phone_enc text,
  phone_masked text,
  email text unique,
  email_verified_at timestamptz,
  password_hash text,
  emergency_contact jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index users_roles_idx on users using gin (roles);

create table admin_accounts (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  name text not null,
  password_hash text not null,
  roles text[] not null check (cardinality(roles) > 0),
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  principal_kind text not null check (principal_kind in ('user', 'admin')),
  principal_id uuid not null,
  user_agent text not null default '',
  ip text not null default '',
  remember boolean not null default false,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_principal_idx on sessions (principal_kind, principal_id);

create table sms_codes (
  id uuid primary key default gen_random_uuid(),
  phone_hash text not null,
  purpose text not null check (purpose in ('login', 'delete_account')),
  code_hash text not null,
  ip text not null,
  attempts int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz,
  burned_at timestamptz
);
create index sms_codes_phone_idx on sms_codes (phone_hash, created_at desc);
create index sms_codes_ip_idx on sms_codes (ip, created_at desc);

create table email_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  consumed_at timestamptz
);

-- The exact address and the contact phone are encrypted; the district and coordinates stay
-- queryable for dispatch.
create table addresses (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  label text not null,
  contact_name text not null,
  contact_phone_enc text not null,
  contact_phone_masked text not null,
  district_code text not null,
  detail_enc text not null,
  lat double precision not null,
  lng double precision not null,
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index addresses_user_idx on addresses (user_id);
create unique index addresses_one_default_idx on addresses (user_id) where is_default;
